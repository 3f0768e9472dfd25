import type { ConnectorFailure } from '../../contract.ts';
import { atLeastMinimumDelay } from '../../retry-after.ts';

// The one place where what went wrong talking to Odoo, over either transport, becomes a
// ConnectorFailure. Messages are ours plus Odoo's own user-facing message: never the API
// key, a request body or a traceback.

/** What a transport saw, before it means anything to Pressline. */
export type OdooProblem =
  /** No HTTP answer: DNS, refused connection, reset, timeout. */
  | { kind: 'network' }
  /** An HTTP error status; JSON-2 error bodies also give the exception's name and message. */
  | { kind: 'http'; status: number; retryAfter: string | null; name: string | null; message: string | null }
  /** An XML-RPC fault (HTTP 200): /xmlrpc/2 codes are 1 application error, 2 UserError family, 3 AccessDenied, 4 AccessError. */
  | { kind: 'fault'; code: number | string; message: string }
  /** common.authenticate answered False: wrong login, database or API key. */
  | { kind: 'login_refused' }
  /** A 200 whose body is not what the protocol says. */
  | { kind: 'bad_response'; detail: string };

/** When Odoo gives no hint, wait this long after a throttled answer. */
const DEFAULT_RETRY_AFTER_MS = 2000;
const MAX_ODOO_MESSAGE = 300;

/** `call` names the call, e.g. "sale.order.read". */
export function translateOdooProblem(call: string, problem: OdooProblem, now: () => number = Date.now): ConnectorFailure {
  switch (problem.kind) {
    case 'network':
      return failed('unavailable', `${call}: Odoo could not be reached`);
    case 'login_refused':
      return failed('unauthorized', `${call}: Odoo refused the login (check the database, username and API key; API keys expire)`);
    case 'bad_response':
      return failed('unavailable', `${call}: unexpected answer from Odoo (${problem.detail})`);
    case 'http':
      return fromHttp(call, problem, now);
    case 'fault':
      return fromFault(call, problem.code, problem.message);
  }
}

function fromHttp(call: string, problem: Extract<OdooProblem, { kind: 'http' }>, now: () => number): ConnectorFailure {
  const { status } = problem;
  const said = problem.message ? `: ${clip(problem.message)}` : '';
  if (status === 429 || (status === 503 && problem.retryAfter !== null)) {
    return { ok: false, reason: 'throttled', retryAfterMs: retryAfterMs(problem.retryAfter, now), message: `${call}: Odoo asked to slow down (HTTP ${status})` };
  }
  if (status === 401 || status === 403) {
    // JSON-2: 401 for a bad or expired API key, 403 for AccessDenied/AccessError.
    return failed('unauthorized', `${call}: Odoo refused access (HTTP ${status})${said}`);
  }
  if (status === 404) return failed('not_found', `${call}: Odoo has no such record, model or method${said}`);
  // LockError: another transaction holds the records.
  if (status === 409) return failed('unavailable', `${call}: the records are locked by another operation in Odoo${said}`);
  if (status >= 500) return failed('unavailable', `${call}: Odoo failed (HTTP ${status})`);
  // 400/422: UserError, ValidationError, bad parameters. Retrying the same call cannot help.
  return failed('rejected', `${call}: Odoo refused the request (HTTP ${status})${said}`);
}

// MissingError shares code 2 with every UserError on /xmlrpc/2; only its message tells it apart.
const MISSING_RECORD = /does not exist or has been deleted/i;
const TRANSIENT_APPLICATION_ERROR = /(?:psycopg2\.errors\.(?:SerializationFailure|LockNotAvailable|DeadlockDetected)|ConcurrencyError|OperationalError: (?:could not|server closed))/;
const UNKNOWN_DATABASE = /database "[^"]*" does not exist/i;

function fromFault(call: string, code: number | string, message: string): ConnectorFailure {
  const numeric = typeof code === 'number' ? code : Number.parseInt(code, 10);
  if (numeric === 3 || numeric === 4) return failed('unauthorized', `${call}: Odoo refused access: ${clip(lastLine(message))}`);
  if (numeric === 2) {
    if (MISSING_RECORD.test(message)) return failed('not_found', `${call}: ${clip(firstLine(message))}`);
    return failed('rejected', `${call}: ${clip(message.trim())}`);
  }
  // Code 1: any other exception, its traceback as the message. Say only its last line.
  const summary = clip(lastLine(message));
  if (UNKNOWN_DATABASE.test(message)) return failed('unauthorized', `${call}: ${summary}`);
  if (TRANSIENT_APPLICATION_ERROR.test(message)) return failed('unavailable', `${call}: ${summary}`);
  return failed('rejected', `${call}: Odoo raised ${summary}`);
}

function retryAfterMs(header: string | null, now: () => number): number {
  if (header === null || header.trim() === '') return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return atLeastMinimumDelay(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : atLeastMinimumDelay(date - now());
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter((line) => line.trim() !== '');
  return (lines[lines.length - 1] ?? '').trim();
}

function clip(text: string): string {
  return text.length > MAX_ODOO_MESSAGE ? `${text.slice(0, MAX_ODOO_MESSAGE)}…` : text;
}

function failed(reason: 'unauthorized' | 'not_found' | 'rejected' | 'unavailable', message: string): ConnectorFailure {
  return { ok: false, reason, message };
}
