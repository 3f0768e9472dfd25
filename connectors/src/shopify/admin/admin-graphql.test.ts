import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';

let shop: FakeShopHarness;
beforeEach(async () => {
  shop = await startFakeShop({ maxRetries: 3 });
  shop.fake.seedOrder({ id: '1001', name: '#1001', lines: [{ id: '1', title: 'Poster', quantity: 1 }] });
});
afterEach(() => shop.close());

const fetch1001 = () => shop.api.fetchOrder(shop.connection, '1001');

describe('Shopify throttling', () => {
  it('waits and retries a THROTTLED answer', async () => {
    shop.fake.throttleNext();

    expect(await fetch1001()).toMatchObject({ ok: true, value: { externalId: '1001' } });
    expect(shop.sleeps).toEqual([1000]);
    expect(shop.fake.requests.map((r) => r.outcome)).toEqual(['throttled', 'ok']);
  });

  it('waits as long as the bucket needs to hold the query’s cost', async () => {
    // fetchOrder asks for 609 points; with 9 left and 100 restored per second that is 6 s.
    shop.fake.setAvailablePoints(9);

    expect(await fetch1001()).toMatchObject({ ok: true });
    expect(shop.sleeps).toEqual([6000]);
  });

  it('paces the next call by the bucket Shopify last reported', async () => {
    await fetch1001();
    shop.fake.setAvailablePoints(0);
    await fetch1001(); // throttled once: now the limiter knows the bucket is empty
    shop.sleeps.length = 0;

    await fetch1001();

    // 609 points were taken again right after the bucket refilled to 609: wait for another 609.
    expect(shop.sleeps).toEqual([6090]);
    expect(shop.fake.requests.filter((r) => r.outcome === 'throttled')).toHaveLength(1);
  });

  it('gives up after its retry budget with a throttled result', async () => {
    shop.fake.throttleNext({ times: 4 });

    expect(await fetch1001()).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 1000, message: expect.stringContaining('throttled') });
    expect(shop.fake.requests).toHaveLength(4);
    expect(shop.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('honours Retry-After on HTTP 429', async () => {
    shop.fake.rateLimitNext({ retryAfterSeconds: 2 });

    expect(await fetch1001()).toMatchObject({ ok: true });
    expect(shop.sleeps).toEqual([2000]);
  });

  it('returns 429 beyond the budget as throttled with Retry-After', async () => {
    shop.fake.rateLimitNext({ retryAfterSeconds: 4, times: 4 });
    expect(await fetch1001()).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 4000 });
  });
});

describe('Shopify errors', () => {
  it('maps a refused token to unauthorized, without retrying', async () => {
    const result = await shop.api.fetchOrder({ ...shop.connection, accessToken: 'shpat_revoked' }, '1001');

    expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(JSON.stringify(result)).not.toContain('shpat_revoked');
    expect(shop.fake.requests).toHaveLength(1);
  });

  it.each([500, 503] as const)('maps HTTP %i to unavailable', async (status) => {
    shop.fake.failNext('query', { status });
    expect(await fetch1001()).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('maps a dropped connection to unavailable', async () => {
    shop.fake.failNext('query', { status: 'network' });
    expect(await fetch1001()).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('maps HTTP 404 (no such shop) to not_found and 400 to rejected', async () => {
    shop.fake.failNext('query', { status: 404 });
    shop.fake.failNext('query', { status: 400 });
    expect(await fetch1001()).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await fetch1001()).toMatchObject({ ok: false, reason: 'rejected' });
  });

  it('refuses a connection that is not a Shopify one', async () => {
    const woo = { platform: 'woocommerce', siteUrl: 'https://shop.example', consumerKey: 'ck', consumerSecret: 'cs', webhookSecret: 'ws' } as const;
    expect(await shop.api.fetchOrder(woo, '1001')).toMatchObject({ ok: false, reason: 'rejected' });
  });

  it('refuses a shop domain that is not a Shopify one', async () => {
    expect(await shop.api.fetchOrder({ ...shop.connection, shopDomain: 'evil.example.com' }, '1001')).toMatchObject({
      ok: false,
      reason: 'unauthorized',
    });
    expect(shop.fake.requests).toHaveLength(0);
  });
});
