// The one place WooCommerce's REST API is called. A thin `fetch` client rather than
// @woocommerce/woocommerce-rest-api 1.0.2: that library bundles axios ^0.19 (old, with
// advisories), takes no fetch to inject (so msw and per-call timeouts need axios
// adapters), returns axios responses that would leak past the contract, and adds
// nothing beyond the auth below.
//
// Auth follows WC_REST_Authentication:
// - https: HTTP Basic with the consumer key and secret;
// - http (self-hosted or local sites, e.g. http://127.0.0.1:8080): OAuth 1.0a one-legged
//   HMAC-SHA256 signing. WooCommerce accepts keys in the query string only when
//   `is_ssl()`, so `consumer_key`/`consumer_secret` would be refused over http, and
//   plain-text keys in a URL would end up in access logs besides.
import { randomBytes } from 'node:crypto';
import type { ConnectorResult, ShopConnection } from '../../contract.ts';
import { oauth1Parameters } from './oauth1.ts';
import { translateWooError } from './translate-error.ts';

export type WooCommerceConnection = Extract<ShopConnection, { platform: 'woocommerce' }>;

export interface WooRestRequest {
  /** Names the call in messages, e.g. "fetchOrder". */
  operation: string;
  method: 'GET' | 'POST' | 'PUT';
  /** The route under /wp-json/, e.g. "wc/v3/orders/727". */
  route: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Statuses to hand back as responses rather than failures (an optional extension's 404). */
  accept?: readonly number[];
}

export interface WooRestResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export type WooRest = (connection: WooCommerceConnection, request: WooRestRequest) => Promise<ConnectorResult<WooRestResponse>>;

export interface WooRestOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Per request; WooCommerce sites on shared hosting can be slow. Default 30 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function createWooRest(options: WooRestOptions = {}): WooRest {
  // Looked up per call, so a fetch patched later (msw) is the one used.
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return async (connection, request) => {
    const url = routeUrl(connection.siteUrl, request.route);
    if (url === null) {
      return { ok: false, reason: 'rejected', message: `${request.operation}: the site URL is not an http(s) URL` };
    }
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);

    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (url.protocol === 'https:') {
      headers['Authorization'] = `Basic ${Buffer.from(`${connection.consumerKey}:${connection.consumerSecret}`, 'utf8').toString('base64')}`;
    } else {
      const oauth = oauth1Parameters({
        method: request.method,
        url,
        consumerKey: connection.consumerKey,
        consumerSecret: connection.consumerSecret,
        timestampSeconds: Math.floor(now().getTime() / 1000),
        nonce: randomBytes(16).toString('hex'),
      });
      for (const [key, value] of Object.entries(oauth)) url.searchParams.set(key, value);
    }

    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        // A redirect would drop Basic auth or break the OAuth signature; report it instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if (!isTransportError(error)) throw error;
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { ok: false, reason: 'unavailable', message: `${request.operation}: ${timedOut ? `no answer within ${timeoutMs} ms` : 'the site could not be reached'}` };
    }

    const body = parseJson(text);
    const accepted = (response.status >= 200 && response.status < 300) || (request.accept ?? []).includes(response.status);
    if (!accepted) {
      return translateWooError({ operation: request.operation, status: response.status, body: body.ok ? body.value : null, headers: response.headers, now: now() });
    }
    if (!body.ok) {
      return { ok: false, reason: 'unavailable', message: `${request.operation}: the site answered ${response.status} with something other than JSON (a plugin or the host may be printing into API responses)` };
    }
    return { ok: true, value: { status: response.status, body: body.value, headers: response.headers } };
  };
}

/** `<site>/wp-json/<route>`, keeping a subdirectory install's path. */
function routeUrl(siteUrl: string, route: string): URL | null {
  let site: URL;
  try {
    site = new URL(siteUrl.trim());
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  if (site.protocol !== 'https:' && site.protocol !== 'http:') return null;
  const base = site.pathname.replace(/\/+$/, '');
  return new URL(`${site.origin}${base}/wp-json/${route}`);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  // Some hosts prepend a UTF-8 BOM.
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false };
    throw error;
  }
}

// fetch rejects with a TypeError for network, DNS and TLS failures and a DOMException
// when the timeout aborts it; anything else is a bug and propagates.
function isTransportError(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'));
}
