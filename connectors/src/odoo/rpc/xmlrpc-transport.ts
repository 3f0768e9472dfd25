import { createHash } from 'node:crypto';
import type { ConnectorResult } from '../../contract.ts';
import { odooBaseUrl, type OdooConnection } from '../odoo-connection.ts';
import { postText } from './http-post.ts';
import type { OdooRpc, OdooTransportOptions } from './odoo-rpc.ts';
import { translateOdooProblem, type OdooProblem } from './translate-error.ts';
import { decodeMethodResponse, encodeMethodCall, XmlRpcFormatError } from './xmlrpc-codec.ts';

/**
 * Odoo 17/18's XML-RPC API (/xmlrpc/2, kept with deprecation warnings through 21): log in
 * once with `common.authenticate(db, login, key, {})` for the user id, then
 * `object.execute_kw(db, uid, key, model, method, args, kwargs)` per call.
 *
 * A thin client over fetch rather than npm `odoo-xmlrpc`/`xmlrpc`: msw 3 does intercept
 * their node:http requests, but they cannot take the injected fetch every Pressline
 * platform client is built with, `xmlrpc` reports an HTTP 429/503 only as "Invalid
 * XML-RPC message" (the status and Retry-After are lost), and `odoo-xmlrpc` is
 * callback-only and keeps the uid inside one client object.
 */
export function createXmlRpcTransport(connection: OdooConnection, options: OdooTransportOptions, sessions: XmlRpcSessions): OdooRpc {
  const base = odooBaseUrl(connection);
  const sessionKey = `${base}\n${connection.database}\n${connection.username}`;
  const keyFingerprint = createHash('sha256').update(connection.apiKey).digest('hex');

  const send = async (path: string, method: string, params: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; problem: OdooProblem }> => {
    const posted = await postText(`${base}${path}`, { headers: { 'Content-Type': 'text/xml; charset=utf-8', 'User-Agent': 'Pressline' }, body: encodeMethodCall(method, params) }, options);
    if (!posted.ok) return { ok: false, problem: { kind: 'network' } };
    const { response, text } = posted;
    if (!response.ok) {
      return { ok: false, problem: { kind: 'http', status: response.status, retryAfter: response.headers.get('Retry-After'), name: null, message: null } };
    }
    try {
      const decoded = decodeMethodResponse(text);
      return decoded.kind === 'value' ? { ok: true, value: decoded.value } : { ok: false, problem: { kind: 'fault', code: decoded.code, message: decoded.message } };
    } catch (error) {
      if (error instanceof XmlRpcFormatError) return { ok: false, problem: { kind: 'bad_response', detail: error.message } };
      throw error;
    }
  };

  const login = async (): Promise<ConnectorResult<number>> => {
    const cached = sessions.get(sessionKey);
    if (cached && cached.keyFingerprint === keyFingerprint) return { ok: true, value: cached.uid };
    const label = 'common.authenticate';
    const answer = await send('/xmlrpc/2/common', 'authenticate', [connection.database, connection.username, connection.apiKey, {}]);
    if (!answer.ok) return translateOdooProblem(label, answer.problem, options.now);
    if (answer.value === false) return translateOdooProblem(label, { kind: 'login_refused' }, options.now);
    if (typeof answer.value !== 'number' || !Number.isSafeInteger(answer.value) || answer.value <= 0) {
      return translateOdooProblem(label, { kind: 'bad_response', detail: 'authenticate returned no user id' }, options.now);
    }
    sessions.set(sessionKey, { keyFingerprint, uid: answer.value });
    return { ok: true, value: answer.value };
  };

  return {
    async call(model, method, args, kwargs = {}) {
      const uid = await login();
      if (!uid.ok) return uid;
      const answer = await send('/xmlrpc/2/object', 'execute_kw', [connection.database, uid.value, connection.apiKey, model, method, [...args], kwargs]);
      if (answer.ok) return { ok: true, value: answer.value };
      const failure = translateOdooProblem(`${model}.${method}`, answer.problem, options.now);
      // A revoked key or a changed user: log in afresh next time.
      if (failure.reason === 'unauthorized') sessions.delete(sessionKey);
      return failure;
    },
  };
}

/** User ids from `authenticate`, per database and login, remembered with the key they came from. */
export type XmlRpcSessions = Map<string, { keyFingerprint: string; uid: number }>;
