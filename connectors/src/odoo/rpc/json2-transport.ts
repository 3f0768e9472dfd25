import { z } from 'zod';
import type { ConnectorResult } from '../../contract.ts';
import { odooBaseUrl, type OdooConnection } from '../odoo-connection.ts';
import { postText } from './http-post.ts';
import type { OdooRpc, OdooTransportOptions } from './odoo-rpc.ts';
import { translateOdooProblem } from './translate-error.ts';

const errorBodySchema = z.object({ name: z.string().nullish(), message: z.string().nullish() }).loose();

/**
 * Odoo 19+'s External JSON-2 API: `POST /json/2/<model>/<method>` with the API key as a
 * bearer token and named parameters only (`ids`, `context`, then the method's own). Each
 * call is its own transaction. Errors are 4xx/5xx with `{name, message, arguments,
 * context, debug}`; only name and message are kept (debug is a traceback).
 */
export function createJson2Transport(connection: OdooConnection, options: OdooTransportOptions): OdooRpc {
  const base = odooBaseUrl(connection);
  return {
    async call(model, method, args, kwargs = {}) {
      const label = `${model}.${method}`;
      const body = args.length === 1 ? { ids: args[0], ...kwargs } : { ...kwargs };
      const posted = await postText(
        `${base}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`,
        {
          headers: {
            Authorization: `bearer ${connection.apiKey}`,
            'Content-Type': 'application/json; charset=utf-8',
            'X-Odoo-Database': connection.database,
            'User-Agent': 'Pressline',
          },
          body: JSON.stringify(body),
        },
        options,
      );
      if (!posted.ok) return translateOdooProblem(label, { kind: 'network' }, options.now);
      const { response, text } = posted;
      if (!response.ok) {
        const error = errorBodySchema.safeParse(parseJson(text));
        return translateOdooProblem(
          label,
          {
            kind: 'http',
            status: response.status,
            retryAfter: response.headers.get('Retry-After'),
            name: error.success ? (error.data.name ?? null) : null,
            message: error.success ? (error.data.message ?? null) : null,
          },
          options.now,
        );
      }
      const value = parseJson(text);
      if (value === NOT_JSON) return translateOdooProblem(label, { kind: 'bad_response', detail: 'the body is not JSON' }, options.now);
      return { ok: true, value } satisfies ConnectorResult<unknown>;
    },
  };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return NOT_JSON;
    throw error;
  }
}
