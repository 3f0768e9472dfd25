import { z } from 'zod';
import type { ConnectorFailure } from '../../contract.ts';
import { atLeastMinimumDelay } from '../../retry-after.ts';

// The one place where a WooCommerce (WordPress REST) answer becomes a ConnectorFailure.
// Messages are ours plus WooCommerce's own `message`, which names no secret.

/** WordPress REST errors: `{ "code": "...", "message": "...", "data": { "status": 404 } }`. */
const wpErrorSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
});

/** When a 429 names no Retry-After, wait this long. */
const DEFAULT_THROTTLE_DELAY_MS = 5000;
const MAX_MESSAGE = 300;

export function wpErrorCode(body: unknown): string | null {
  const parsed = wpErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.code : null;
}

export function translateWooError(input: {
  operation: string;
  status: number;
  body: unknown;
  headers: Headers;
  now: Date;
}): ConnectorFailure {
  const { operation, status, body, headers, now } = input;
  const parsed = wpErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.code : null;
  const said = parsed.success && parsed.data.message ? `: ${clip(parsed.data.message)}` : '';
  const retryAfterMs = parseRetryAfterMs(headers.get('Retry-After'), now);

  if (status === 429) {
    return { ok: false, reason: 'throttled', retryAfterMs: retryAfterMs ?? DEFAULT_THROTTLE_DELAY_MS, message: `${operation}: the site answered 429 Too Many Requests` };
  }
  if (status === 503 && retryAfterMs !== null) {
    return { ok: false, reason: 'throttled', retryAfterMs, message: `${operation}: the site is busy (503 with Retry-After)` };
  }
  if (status >= 500) return { ok: false, reason: 'unavailable', message: `${operation}: the site answered ${status}${said}` };
  if (status === 401 || status === 403) {
    return { ok: false, reason: 'unauthorized', message: `${operation}: WooCommerce refused the API key (HTTP ${status}${code ? ` ${code}` : ''})${said}` };
  }
  if (status === 404) {
    // No route at all means WooCommerce (or its REST API) is not there: saying
    // "not found" would make every order look deleted.
    if (code === null || code === 'rest_no_route') {
      return { ok: false, reason: 'unavailable', message: `${operation}: the site has no such REST route; is WooCommerce active and are permalinks enabled?` };
    }
    return { ok: false, reason: 'not_found', message: `${operation}: not found${said}` };
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('Location');
    return { ok: false, reason: 'rejected', message: `${operation}: the site redirects API calls${location ? ` to ${clip(location)}` : ''}; set the site URL to the address it redirects to` };
  }
  return { ok: false, reason: 'rejected', message: `${operation}: WooCommerce refused the request (HTTP ${status}${code ? ` ${code}` : ''})${said}` };
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return atLeastMinimumDelay(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : atLeastMinimumDelay(at - now.getTime());
}

function clip(text: string): string {
  const plain = text.replace(/<[^>]*>/g, '').trim();
  return plain.length > MAX_MESSAGE ? `${plain.slice(0, MAX_MESSAGE)}…` : plain;
}
