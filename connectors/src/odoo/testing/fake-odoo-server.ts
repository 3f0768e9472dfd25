import { http, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { decodeMethodCall, encodeFault, encodeMethodResponse, XmlRpcFormatError } from '../rpc/xmlrpc-codec.ts';
import { buildOdooWebhook } from './build-webhook.ts';
import { FakeOdooException } from './fake-odoo-errors.ts';
import { FakeOdooStore, RecordsResult } from './fake-odoo-store.ts';
import type { FakeOdoo, FakeOdooOptions, FakeOdooRequest, FakeOdooPicking, FakeOdooSaleOrder } from './fake-odoo.ts';

type Injected =
  | { type: 'fail'; kind: string; status: number | 'network'; afterApplying: boolean }
  | { type: 'throttle'; kind: string; status: 429 | 503; retryAfterSeconds: number | null };

type Outcome = { response: Response; status: number | 'network'; outcome: FakeOdooRequest['outcome'] };

const TRACEBACK_HEAD = 'Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/odoo/addons/base/controllers/rpc.py", line 150, in xmlrpc_2\n    response = self._xmlrpc(service)\n';

/** /xmlrpc/2 fault codes (odoo/addons/base/controllers/rpc.py). */
const FAULT_CODES: Record<FakeOdooException['kind'], number> = {
  UserError: 2, ValidationError: 2, MissingError: 2, AccessDenied: 3, AccessError: 4, ValueError: 1, TypeError: 1, KeyError: 1,
};
/** JSON-2 statuses: the exception's `http_status` (odoo/exceptions.py), 500 for the rest. */
const JSON2_STATUS: Record<FakeOdooException['kind'], number> = {
  UserError: 422, ValidationError: 422, MissingError: 404, AccessDenied: 403, AccessError: 403, ValueError: 500, TypeError: 422, KeyError: 404,
};

export function buildFakeOdoo(options: FakeOdooOptions): FakeOdoo {
  const url = (options.url ?? 'https://pressline-test.odoo.com').replace(/\/+$/, '');
  const database = options.database ?? 'pressline-test';
  const username = options.username ?? 'api@pressline.test';
  const apiKey = options.apiKey ?? 'fake-odoo-api-key-5f1c2d3e4a5b6c7d8e9f';
  const store = new FakeOdooStore(options.now ?? Date.now, { stockDelivery: options.stockDelivery ?? true, delivery: options.delivery ?? options.stockDelivery ?? true });
  const injected: Injected[] = [];
  const requests: FakeOdooRequest[] = [];
  let server: SetupServer | undefined;

  const take = (candidates: string[]): Injected | undefined => {
    const index = injected.findIndex(({ kind }) => kind === 'any' || candidates.includes(kind));
    return index === -1 ? undefined : injected.splice(index, 1)[0];
  };

  /** Runs one call through the injected failures around `apply`. */
  const handle = async (transport: 'xmlrpc' | 'json2', call: string, candidates: string[], apply: () => Outcome): Promise<Response> => {
    const injection = take(['any', ...candidates]);
    let result: Outcome;
    if (injection?.type === 'throttle') result = throttled(transport, injection);
    else if (injection?.type === 'fail' && !injection.afterApplying) result = failure(transport, injection.status);
    else {
      result = apply();
      if (injection?.type === 'fail') result = failure(transport, injection.status);
    }
    requests.push({ transport, call, status: result.status, outcome: result.outcome });
    return result.response;
  };

  const dispatch = (model: string, method: string, ids: number[] | null, kwargs: Record<string, unknown>) => store.call(model, method, ids, kwargs);

  const xmlrpcCommon = http.post(`${url}/xmlrpc/2/common`, async ({ request }) => {
    const call = await readCall(request);
    if (!call) return xmlFault(1, `${TRACEBACK_HEAD}xml.parsers.expat.ExpatError: syntax error: line 1, column 0`, 200).response;
    return handle('xmlrpc', `common.${call.method}`, [call.method], () => {
      if (call.method === 'version') {
        return ok(encodeMethodResponse({ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 }));
      }
      if (call.method !== 'authenticate') return xmlFault(1, `${TRACEBACK_HEAD}KeyError: '${call.method}'`, 200);
      const [db, login, key] = call.params;
      if (db !== database) return xmlFault(1, `${TRACEBACK_HEAD}psycopg2.OperationalError: connection to server failed: FATAL:  database "${String(db)}" does not exist`, 200);
      // A wrong login or key is not a fault: authenticate answers False.
      if (login !== username || key !== apiKey) return { response: xml(encodeMethodResponse(false)), status: 200, outcome: 'unauthorized' };
      return ok(encodeMethodResponse(store.uid));
    });
  });

  const xmlrpcObject = http.post(`${url}/xmlrpc/2/object`, async ({ request }) => {
    const call = await readCall(request);
    if (!call) return xmlFault(1, `${TRACEBACK_HEAD}xml.parsers.expat.ExpatError: syntax error: line 1, column 0`, 200).response;
    const [db, uid, key, model, method, args = [], kwargs = {}] = call.params;
    const name = `${String(model)}.${String(method)}`;
    return handle('xmlrpc', name, [String(method), name], () => {
      if (call.method !== 'execute_kw') return xmlFault(1, `${TRACEBACK_HEAD}NameError: Method not available ${call.method}`, 200);
      if (db !== database) return xmlFault(1, `${TRACEBACK_HEAD}psycopg2.OperationalError: connection to server failed: FATAL:  database "${String(db)}" does not exist`, 200);
      if (uid !== store.uid || key !== apiKey) return { ...xmlFault(3, 'Access Denied', 200), outcome: 'unauthorized' };
      if (typeof model !== 'string' || typeof method !== 'string' || !Array.isArray(args) || typeof kwargs !== 'object' || kwargs === null) {
        return xmlFault(1, `${TRACEBACK_HEAD}TypeError: execute_kw() arguments are malformed`, 200);
      }
      try {
        const bound = store.bind(model, method, args, kwargs as Record<string, unknown>);
        const value = dispatch(model, method, bound.ids, bound.kwargs);
        // Methods returning records are downgraded to an id by @api.returns on 17.
        const answer = value instanceof RecordsResult ? (value.ids.length === 1 ? value.ids[0] : value.ids) : value;
        return ok(encodeMethodResponse(answer));
      } catch (error) {
        if (!(error instanceof FakeOdooException)) throw error;
        const code = FAULT_CODES[error.kind];
        return xmlFault(code, code === 1 ? `${TRACEBACK_HEAD}${error.kind}: ${error.message}\n` : error.message, 200);
      }
    });
  });

  const json2 = http.post(`${url}/json/2/:model/:method`, async ({ request, params }) => {
    const model = String(params['model']);
    const method = String(params['method']);
    const name = `${model}.${method}`;
    const authorization = request.headers.get('Authorization') ?? '';
    const text = await request.text();
    return handle('json2', name, [method, name], () => {
      const header = request.headers.get('X-Odoo-Database');
      if (header !== null && header !== database) return jsonError(404, 'werkzeug.exceptions.NotFound', 'Not Found');
      if (!/^bearer\s+/i.test(authorization) || authorization.replace(/^bearer\s+/i, '') !== apiKey) {
        return { ...jsonError(401, 'werkzeug.exceptions.Unauthorized', 'Invalid apikey'), outcome: 'unauthorized' };
      }
      let body: unknown;
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return jsonError(400, 'werkzeug.exceptions.BadRequest', 'could not parse the body as json');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return jsonError(400, 'werkzeug.exceptions.BadRequest', 'could not parse the body, expecting a json object');
      const { ids, ...kwargs } = body as Record<string, unknown>;
      try {
        const signature = store.signature(model, method);
        if (!signature.records && Array.isArray(ids) && ids.length > 0) return jsonError(422, 'werkzeug.exceptions.UnprocessableEntity', `cannot call ${name} with ids`);
        const recordIds = Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : signature.records ? [] : null;
        const value = dispatch(model, method, recordIds, kwargs);
        // JSON-2 turns records into their ids.
        const answer = JSON.stringify(value instanceof RecordsResult ? value.ids : value);
        return { response: new HttpResponse(answer, { headers: { 'Content-Type': 'application/json; charset=utf-8' } }), status: 200, outcome: 'ok' };
      } catch (error) {
        if (!(error instanceof FakeOdooException)) throw error;
        if (error.kind === 'KeyError') return jsonError(404, 'werkzeug.exceptions.NotFound', `the model '${model}' does not exist`);
        if (error.kind === 'ValueError' && error.message.startsWith('The method')) return jsonError(404, 'werkzeug.exceptions.NotFound', error.message);
        if (error.kind === 'TypeError') return jsonError(422, 'werkzeug.exceptions.UnprocessableEntity', error.message);
        const python = ['ValueError'].includes(error.kind) ? `builtins.${error.kind}` : `odoo.exceptions.${error.kind}`;
        return jsonError(JSON2_STATUS[error.kind], python, error.message);
      }
    });
  });

  const handlers = [xmlrpcCommon, xmlrpcObject, json2];
  const times = (count: number | undefined, entry: Injected) => {
    for (let i = 0; i < (count ?? 1); i += 1) injected.push(entry);
  };
  const orderView = (id: number): FakeOdooSaleOrder | undefined => {
    const row = store.rows('sale.order').find((candidate) => candidate.id === id);
    if (!row) return undefined;
    return {
      id,
      name: String(row['name']),
      state: String(row['state']),
      writeDate: String(row['write_date']),
      lineIds: store.linesOf(id).map((line) => line.id),
      pickingIds: store.pickingsOf(id).map((picking) => picking.id),
    };
  };

  return {
    url,
    database,
    username,
    apiKey,
    handlers,
    requests,
    listen() {
      server ??= setupServer(...handlers);
      server.listen({ onUnhandledFrame: 'error' });
    },
    close() {
      server?.close();
      server = undefined;
    },
    connection: ({ version = 17, apiKey: key = apiKey, webhookSecret = 'odoo-webhook-secret' } = {}) => ({
      platform: 'odoo',
      url,
      database,
      username,
      apiKey: key,
      version,
      webhookSecret,
    }),
    seedOrder: (seed) => orderView(store.seedOrder(seed).id)!,
    confirmOrder: (orderId) => store.confirmOrder(orderId),
    cancelOrder: (orderId) => store.cancelOrder(orderId),
    touchOrder: (orderId, writeDate) => store.touch('sale.order', orderId, writeDate),
    order: orderView,
    orders: () => store.rows('sale.order').map((row) => orderView(row.id)!),
    pickings: (orderId) =>
      store.pickingsOf(orderId).map(
        (row): FakeOdooPicking => ({
          id: row.id,
          name: String(row['name']),
          state: String(row['state']),
          backorderOf: typeof row['backorder_id'] === 'number' ? row['backorder_id'] : null,
          trackingRef: typeof row['carrier_tracking_ref'] === 'string' ? row['carrier_tracking_ref'] : null,
          moves: store.movesOf(row.id).map((move) => ({
            id: move.id,
            lineId: move['sale_line_id'] as number,
            demand: move['product_uom_qty'] as number,
            quantity: move['quantity'] as number,
            picked: move['picked'] === true,
            state: String(move['state']),
          })),
        }),
      ),
    messages: (model, resId) => store.messagesOf(model, resId).map((row) => ({ id: row.id, body: String(row['body']), subtype: String(row['subtype_xmlid']) })),
    webhook: (orderId, secret) => {
      const row = store.row('sale.order', orderId);
      return buildOdooWebhook({ orderId, secret, writeDate: String(row['write_date']), name: String(row['name']), state: String(row['state']) });
    },
    failNext: (kind, { status, afterApplying = false, times: count }) => times(count, { type: 'fail', kind, status, afterApplying }),
    throttleNext: ({ kind = 'any', status = 429, retryAfterSeconds = 2, times: count } = {}) => times(count, { type: 'throttle', kind, status, retryAfterSeconds }),
  };
}

async function readCall(request: Request): Promise<{ method: string; params: unknown[] } | null> {
  try {
    return decodeMethodCall(await request.text());
  } catch (error) {
    if (error instanceof XmlRpcFormatError) return null;
    throw error;
  }
}

function xml(body: string, status = 200): Response {
  return new HttpResponse(body, { status, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
}

function ok(body: string): Outcome {
  return { response: xml(body), status: 200, outcome: 'ok' };
}

/** Faults travel with HTTP 200, as Odoo's /xmlrpc/2 sends them. */
function xmlFault(code: number, message: string, status: number): Outcome {
  return { response: xml(encodeFault(code, message), status), status, outcome: 'error' };
}

function jsonError(status: number, name: string, message: string): Outcome {
  return {
    response: HttpResponse.json({ name, message, arguments: [message], context: {}, debug: `Traceback (most recent call last):\n${name}: ${message}\n` }, { status }),
    status,
    outcome: 'error',
  };
}

function failure(transport: 'xmlrpc' | 'json2', status: number | 'network'): Outcome {
  if (status === 'network') return { response: HttpResponse.error(), status, outcome: 'failed' };
  if (transport === 'json2') return { ...jsonError(status, status >= 500 ? 'werkzeug.exceptions.InternalServerError' : 'werkzeug.exceptions.HTTPException', `HTTP ${status}`), outcome: 'failed' };
  return { response: new HttpResponse(`<html><body><h1>${status}</h1></body></html>`, { status, headers: { 'Content-Type': 'text/html' } }), status, outcome: 'failed' };
}

function throttled(transport: 'xmlrpc' | 'json2', injection: Extract<Injected, { type: 'throttle' }>): Outcome {
  const headers: Record<string, string> = injection.retryAfterSeconds === null ? {} : { 'Retry-After': String(injection.retryAfterSeconds) };
  const response =
    transport === 'json2'
      ? HttpResponse.json({ name: 'werkzeug.exceptions.TooManyRequests', message: 'Too Many Requests', arguments: ['Too Many Requests', injection.status], context: {}, debug: '' }, { status: injection.status, headers })
      : new HttpResponse('<html><body><h1>Too Many Requests</h1></body></html>', { status: injection.status, headers: { ...headers, 'Content-Type': 'text/html' } });
  return { response, status: injection.status, outcome: 'throttled' };
}
