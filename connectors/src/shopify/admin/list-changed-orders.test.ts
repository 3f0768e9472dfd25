import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangedOrdersQuery, StorefrontOrder } from '../../contract.ts';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';

let shop: FakeShopHarness;
beforeEach(async () => {
  shop = await startFakeShop();
});
afterEach(() => shop.close());

const WINDOW_START = '2026-09-01T00:00:00.000Z';

function seedOrders(count: number): void {
  for (let i = 0; i < count; i += 1) {
    const id = (9_007_199_254_740_993n + BigInt(i) * 1_000n).toString();
    // Several orders share each timestamp, so paging must also order by id.
    const minute = 10 + Math.floor(i / 3);
    shop.fake.seedOrder({
      id,
      name: `#${2000 + i}`,
      createdAt: '2026-08-01T00:00:00Z',
      updatedAt: `2026-09-0${1 + (i % 2)}T00:${String(minute).padStart(2, '0')}:00Z`,
      lines: [{ id: String(7_000 + i), title: 'Sticker sheet', quantity: 1 + (i % 4) }],
    });
  }
}

async function readAll(query: Omit<ChangedOrdersQuery, 'cursor'>, between?: (page: number) => void): Promise<StorefrontOrder[]> {
  const orders: StorefrontOrder[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const result = await shop.api.listChangedOrders(shop.connection, { ...query, cursor });
    if (!result.ok) throw new Error(result.message);
    orders.push(...result.value.orders);
    cursor = result.value.nextCursor;
    if (cursor === null) return orders;
    between?.(page);
  }
  throw new Error('pagination did not end');
}

describe('listChangedOrders', () => {
  it('returns every changed order exactly once, oldest change first', async () => {
    seedOrders(40);
    shop.fake.seedOrder({ id: '555', name: '#555', updatedAt: '2026-08-31T23:59:59Z', lines: [{ id: '1', title: 'Old', quantity: 1 }] });

    const orders = await readAll({ updatedSince: WINDOW_START, limit: 6 });

    const ids = orders.map((order) => order.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
    expect(ids).not.toContain('555');
    expect(orders.map((order) => order.updatedAt)).toEqual([...orders.map((order) => order.updatedAt)].sort());
    expect(shop.fake.requests.filter((r) => r.operationName === 'PresslineChangedOrders')).toHaveLength(7);
  });

  it('keeps each page under Shopify’s query cost cap whatever limit is asked', async () => {
    seedOrders(20);

    const first = await shop.api.listChangedOrders(shop.connection, { updatedSince: WINDOW_START, cursor: null, limit: 250 });

    expect(first).toMatchObject({ ok: true, value: { orders: expect.any(Array), nextCursor: expect.any(String) } });
    expect(shop.fake.requests.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('lists an order changed while paging again, never skips it', async () => {
    seedOrders(12);
    const firstId = (9_007_199_254_740_993n).toString();

    const orders = await readAll({ updatedSince: WINDOW_START, limit: 5 }, (page) => {
      if (page === 0) shop.fake.touchOrder(firstId, '2026-09-03T00:00:00Z');
    });

    const ids = orders.map((order) => order.externalId);
    expect(new Set(ids).size).toBe(12);
    expect(ids.filter((id) => id === firstId)).toHaveLength(2);
    expect(orders.at(-1)).toMatchObject({ externalId: firstId, updatedAt: '2026-09-03T00:00:00.000Z' });
  });

  it('completes orders whose lines overflow the list page', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => ({ id: String(100 + i), title: `Part ${i}`, quantity: 1 }));
    shop.fake.seedOrder({ id: '42', name: '#42', updatedAt: '2026-09-05T00:00:00Z', lines });

    const orders = await readAll({ updatedSince: WINDOW_START, limit: 10 });

    expect(orders).toHaveLength(1);
    expect(orders[0]!.lines.map((line) => line.externalId)).toEqual(lines.map((line) => line.id));
  });

  it('refuses a window start that is not a timestamp', async () => {
    expect(await shop.api.listChangedOrders(shop.connection, { updatedSince: 'yesterday', cursor: null, limit: 10 })).toMatchObject({
      ok: false,
      reason: 'rejected',
    });
  });
});
