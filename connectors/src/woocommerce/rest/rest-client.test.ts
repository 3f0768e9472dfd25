import { afterEach, describe, expect, it } from 'vitest';
import { createFakeWooCommerce, type FakeWooCommerce, type FakeWooCommerceOptions } from '../testing/fake-woocommerce.ts';
import { createWooCommerceApi } from '../woocommerce-api.ts';
import { oauth1BaseString, rfc3986 } from './oauth1.ts';
import { createWooRest } from './rest-client.ts';
import { parseRetryAfterMs } from './translate-error.ts';

const NOW = Date.parse('2026-11-20T10:00:00Z');
let fake: FakeWooCommerce | undefined;

async function site(options: FakeWooCommerceOptions = {}): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce({ now: () => NOW, ...options });
  fake.listen();
  fake.seedOrder();
  return fake;
}

afterEach(() => {
  fake?.close();
  fake = undefined;
});

const api = createWooCommerceApi({ now: () => new Date(NOW) });

describe('WooCommerce REST authentication', () => {
  it('uses Basic auth over https', async () => {
    const shop = await site();
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: true, value: { externalId: '727' } });
    expect(shop.requests.at(-1)?.query).toEqual({});
  });

  it('signs with OAuth 1.0a over plain http, where WooCommerce refuses keys in the clear', async () => {
    const shop = await site({ siteUrl: 'http://127.0.0.1:8080' });
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: true, value: { externalId: '727' } });
    const listed = await api.listChangedOrders(shop.connection(), { updatedSince: '2017-01-01T00:00:00Z', cursor: null, limit: 10 });
    expect(listed).toMatchObject({ ok: true, value: { orders: [{ externalId: '727' }] } });
    const query = shop.requests.at(-1)?.query ?? {};
    expect(query['oauth_signature_method']).toBe('HMAC-SHA256');
    expect(query).not.toHaveProperty('consumer_secret');
  });

  it('signs a subdirectory install with its path', async () => {
    const shop = await site({ siteUrl: 'http://localhost:8081/shop' });
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: true });
  });

  it('uses a fresh nonce for every request', async () => {
    const shop = await site({ siteUrl: 'http://127.0.0.1:8080' });
    for (let i = 0; i < 3; i += 1) expect((await api.fetchOrder(shop.connection(), '727')).ok).toBe(true);
    expect(new Set(shop.requests.map((r) => r.query['oauth_nonce'])).size).toBe(3);
  });

  it.each([
    ['https', 'https://shop.example.test'],
    ['http (OAuth)', 'http://127.0.0.1:8080'],
  ])('reports a wrong secret over %s as unauthorized', async (_case, siteUrl) => {
    const shop = await site({ siteUrl });
    const result = await api.fetchOrder({ ...shop.connection(), consumerSecret: 'cs_wrong' }, '727');
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
  });

  it('reports an unknown key as unauthorized', async () => {
    const shop = await site();
    expect(await api.fetchOrder({ ...shop.connection(), consumerKey: 'ck_unknown' }, '727')).toMatchObject({ ok: false, reason: 'unauthorized' });
  });

  it('reports a read-only key refused a write as unauthorized', async () => {
    const shop = await site({ permissions: 'read' });
    const result = await api.addOrderNote(shop.connection(), { orderExternalId: '727', note: 'hello', customerVisible: false });
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized', message: expect.stringContaining('write permissions') });
  });

  it('builds the OAuth base string as RFC 5849 does', () => {
    const url = new URL('http://example.com/wp-json/wc/v3/orders?per_page=10&modified_after=2026-11-20T09:59:59');
    const base = oauth1BaseString('get', url, [...url.searchParams.entries(), ['oauth_nonce', 'n!'], ['oauth_consumer_key', 'ck']]);
    expect(base).toBe(
      'GET&http%3A%2F%2Fexample.com%2Fwp-json%2Fwc%2Fv3%2Forders&' +
        'modified_after%3D2026-11-20T09%253A59%253A59%26oauth_consumer_key%3Dck%26oauth_nonce%3Dn%2521%26per_page%3D10',
    );
    expect(rfc3986("a b!'()*~")).toBe('a%20b%21%27%28%29%2A~');
  });
});

describe('WooCommerce REST errors', () => {
  it('maps an unknown order to not_found', async () => {
    const shop = await site();
    expect(await api.fetchOrder(shop.connection(), '999')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await api.fetchOrder(shop.connection(), '../users')).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('maps a missing route (WooCommerce inactive) to unavailable, not to a deleted order', async () => {
    const shop = await site();
    const rest = createWooRest();
    const result = await rest(shop.connection(), { operation: 'probe', method: 'GET', route: 'wc/v9/orders/727' });
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringContaining('REST route') });
  });

  it('maps a 400 to rejected with WooCommerce\'s message', async () => {
    const shop = await site();
    const rest = createWooRest();
    const result = await rest(shop.connection(), { operation: 'list', method: 'GET', route: 'wc/v3/orders', query: { per_page: '500' } });
    expect(result).toEqual({ ok: false, reason: 'rejected', message: 'list: WooCommerce refused the request (HTTP 400 rest_invalid_param): Invalid parameter(s): per_page' });
  });

  it('maps 429 with Retry-After to throttled', async () => {
    const shop = await site();
    shop.throttleNext(7);
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 7000 });
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: true });
  });

  it('maps 503 with Retry-After (maintenance mode) to throttled, 503 without it to unavailable', async () => {
    const shop = await site();
    shop.throttleNext(600, { status: 503 });
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 600_000 });
    shop.failNext({ status: 503 });
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it.each([500, 502, 504, 'network'] as const)('maps %s to unavailable', async (status) => {
    const shop = await site();
    shop.failNext({ status });
    expect(await api.fetchOrder(shop.connection(), '727')).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('maps a timeout to unavailable', async () => {
    const slow = createWooCommerceApi({ timeoutMs: 20, fetch: (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))) });
    const result = await slow.fetchOrder({ platform: 'woocommerce', siteUrl: 'https://slow.example.test', consumerKey: 'ck', consumerSecret: 'cs', webhookSecret: 'wh' }, '1');
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringContaining('within 20 ms') });
  });

  it('reports a page a plugin printed into as unavailable', async () => {
    const noisy = createWooCommerceApi({ fetch: async () => new Response('<br /><b>Notice</b>: Undefined index {"id":727}', { status: 200 }) });
    const result = await noisy.fetchOrder({ platform: 'woocommerce', siteUrl: 'https://noisy.example.test', consumerKey: 'ck', consumerSecret: 'cs', webhookSecret: 'wh' }, '727');
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringContaining('other than JSON') });
  });

  it('reports a redirect instead of following it with the credentials', async () => {
    const moved = createWooCommerceApi({ fetch: async () => new Response(null, { status: 301, headers: { Location: 'https://www.example.test/wp-json/wc/v3/orders/1' } }) });
    const result = await moved.fetchOrder({ platform: 'woocommerce', siteUrl: 'https://example.test', consumerKey: 'ck', consumerSecret: 'cs', webhookSecret: 'wh' }, '1');
    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('https://www.example.test') });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    expect(parseRetryAfterMs('2', now)).toBe(2000);
    expect(parseRetryAfterMs('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
  });
});
