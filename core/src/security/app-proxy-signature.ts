import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify's app proxy signs every request it forwards: the query parameters except
 * `signature`, sorted by name, each as `name=value` (repeated names' values joined with
 * commas), concatenated with no separator, HMAC-SHA256 with the app's secret, hex.
 * Only after this holds may `shop` and `logged_in_customer_id` be trusted.
 */
export function verifyAppProxySignature(query: URLSearchParams, secret: string): boolean {
  const signature = query.get('signature');
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac('sha256', secret).update(appProxyMessage(query), 'utf8').digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Signs parameters as Shopify's proxy does: for tests and the demo storefront. */
export function signAppProxyQuery(query: URLSearchParams, secret: string): string {
  return createHmac('sha256', secret).update(appProxyMessage(query), 'utf8').digest('hex');
}

function appProxyMessage(query: URLSearchParams): string {
  const values = new Map<string, string[]>();
  for (const [name, value] of query) {
    if (name === 'signature') continue;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return [...values.keys()]
    .sort()
    .map((name) => `${name}=${values.get(name)!.join(',')}`)
    .join('');
}
