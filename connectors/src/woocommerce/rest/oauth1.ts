import { createHmac } from 'node:crypto';

/**
 * OAuth 1.0a "one-legged" signing (RFC 5849 without a token), which is the only way
 * WooCommerce accepts API keys over plain HTTP: WC_REST_Authentication tries Basic auth
 * and `consumer_key` query parameters only when `is_ssl()`, and OAuth otherwise. The
 * `oauth_*` parameters travel in the query string, as WooCommerce's own clients send them.
 */
export interface OAuth1Input {
  method: string;
  /** The request URL, with its query parameters but without any `oauth_*` ones. */
  url: URL;
  consumerKey: string;
  consumerSecret: string;
  timestampSeconds: number;
  /** Unique per key for 15 minutes: WooCommerce refuses a nonce it has seen. */
  nonce: string;
}

export const OAUTH_SIGNATURE_METHOD = 'HMAC-SHA256';

/** The `oauth_*` query parameters, signature included, to add to the request URL. */
export function oauth1Parameters(input: OAuth1Input): Record<string, string> {
  const oauth: Record<string, string> = {
    oauth_consumer_key: input.consumerKey,
    oauth_nonce: input.nonce,
    oauth_signature_method: OAUTH_SIGNATURE_METHOD,
    oauth_timestamp: String(input.timestampSeconds),
  };
  const params: [string, string][] = [...input.url.searchParams.entries(), ...Object.entries(oauth)];
  const base = oauth1BaseString(input.method, input.url, params);
  // One-legged: no token secret, so the key is the consumer secret and "&".
  const signature = createHmac('sha256', `${input.consumerSecret}&`).update(base, 'utf8').digest('base64');
  return { ...oauth, oauth_signature: signature };
}

/** METHOD & encoded base URL & encoded, sorted "key=value" pairs. */
export function oauth1BaseString(method: string, url: URL, params: readonly [string, string][]): string {
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  const pairs = params
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return [method.toUpperCase(), rfc3986(baseUrl), rfc3986(pairs)].join('&');
}

/** Percent-encoding as RFC 3986 (PHP's rawurlencode): encodeURIComponent leaves !'()* alone. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
