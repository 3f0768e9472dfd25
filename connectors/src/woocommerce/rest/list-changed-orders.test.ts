import { afterEach, describe, expect, it } from 'vitest';
import type { ChangedOrdersQuery, ShopConnection } from '../../contract.ts';
import { createFakeWooCommerce, type FakeWooCommerce } from '../testing/fake-woocommerce.ts';
import { createWooCommerceApi } from '../woocommerce-api.ts';

const clock = { now: Date.parse('2026-11-20T12:00:00Z') };
const api = createWooCommerceApi({ now: () => new Date(clock.now) });
let fake: FakeWooCommerce | undefined;

afterEach(() => {
  fake?.close();
  fake = undefined;
});

/** A site in UTC−3 (like the docs' sample) holding orders 1…count, order n modified n minutes after 10:00 UTC. */
async function siteWithOrders(count: number): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce({ now: () => clock.now, utcOffsetMinutes: -180 });
  fake.listen();
  for (let id = 1; id <= count; id += 1) {
    const modified = new Date(Date.parse('2026-11-20T10:00:00Z') + id * 60_000);
    fake.seedOrder({
      id,
      date_modified_gmt: modified.toISOString().slice(0, 19),
      date_modified: new Date(modified.getTime() - 3 * 3_600_000).toISOString().slice(0, 19),
    });
  }
  return fake;
}

async function walk(connection: ShopConnection, query: Omit<ChangedOrdersQuery, 'cursor'>, between?: (page: number) => void): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 1; page < 50; page += 1) {
    const result = await api.listChangedOrders(connection, { ...query, cursor });
    if (!result.ok) throw new Error(result.message);
    seen.push(...result.value.orders.map((order) => order.externalId));
    cursor = result.value.nextCursor;
    if (cursor === null) return seen;
    between?.(page);
  }
  throw new Error('the cursor never ended');
}

describe('WooCommerce listChangedOrders', () => {
  it('returns every order changed since the bound exactly once, across pages', async () => {
    const shop = await siteWithOrders(25);
    const seen = await walk(shop.connection(), { updatedSince: '2026-11-20T10:03:00Z', limit: 10 });
    // Order 3 was modified at exactly 10:03:00: "at or after" includes it.
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 3)));
    const query = shop.requests[0]?.query;
    expect(query).toMatchObject({ modified_after: '2026-11-20T10:02:59', dates_are_gmt: 'true', orderby: 'id', order: 'asc', per_page: '10', page: '1' });
    expect(shop.requests.map((r) => r.query['page'])).toEqual(['1', '2', '3']);
  });

  it('compares in GMT whatever the site\'s timezone', async () => {
    const shop = await siteWithOrders(5);
    // In the site's local time (UTC−3) every order is hours before this bound.
    expect(await walk(shop.connection(), { updatedSince: '2026-11-20T10:04:00.999Z', limit: 10 })).toEqual(['4', '5']);
  });

  it('skips nothing when orders are edited or placed while the pages are read', async () => {
    const shop = await siteWithOrders(25);
    const seen = await walk(shop.connection(), { updatedSince: '2026-11-20T10:00:00Z', limit: 10 }, (page) => {
      if (page !== 1) return;
      // A merchant edits an order already read and one not read yet; a customer orders.
      shop.editOrder(2, { status: 'completed' });
      shop.editOrder(15, { status: 'on-hold' });
      shop.seedOrder({ id: 26, date_modified_gmt: '2026-11-20T12:00:00' });
    });
    expect(seen).toEqual(Array.from({ length: 26 }, (_, i) => String(i + 1)));
  });

  it('stops on the last page when it is exactly full', async () => {
    const shop = await siteWithOrders(20);
    expect(await walk(shop.connection(), { updatedSince: '2026-11-20T00:00:00Z', limit: 10 })).toHaveLength(20);
    expect(shop.requests).toHaveLength(2);
  });

  it('returns an empty last page when nothing changed', async () => {
    const shop = await siteWithOrders(3);
    expect(await api.listChangedOrders(shop.connection(), { updatedSince: '2026-11-21T00:00:00Z', cursor: null, limit: 10 })).toEqual({
      ok: true,
      value: { orders: [], nextCursor: null },
    });
  });

  it('asks for at most the 100 orders WooCommerce serves per page', async () => {
    const shop = await siteWithOrders(3);
    expect(await api.listChangedOrders(shop.connection(), { updatedSince: '2026-11-20T00:00:00Z', cursor: null, limit: 500 })).toMatchObject({ ok: true });
    expect(shop.requests.at(-1)?.query['per_page']).toBe('100');
  });

  it.each([
    ['a cursor it did not issue', { cursor: 'eyJwYWdlIjoyfQ' }],
    ['a bound that is not a date', { updatedSince: 'last tuesday' }],
  ])('refuses %s', async (_case, change) => {
    const shop = await siteWithOrders(1);
    const result = await api.listChangedOrders(shop.connection(), { updatedSince: '2026-11-20T00:00:00Z', cursor: null, limit: 10, ...change });
    expect(result).toMatchObject({ ok: false, reason: 'rejected' });
  });

  it('passes a throttled page on with its delay', async () => {
    const shop = await siteWithOrders(3);
    shop.throttleNext(3, { route: 'wc/v3/orders' });
    expect(await api.listChangedOrders(shop.connection(), { updatedSince: '2026-11-20T00:00:00Z', cursor: null, limit: 10 })).toMatchObject({
      ok: false,
      reason: 'throttled',
      retryAfterMs: 3000,
    });
  });
});
