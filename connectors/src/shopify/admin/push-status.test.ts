import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatusPush } from '../../contract.ts';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';

let shop: FakeShopHarness;
beforeEach(async () => {
  shop = await startFakeShop();
  shop.fake.seedOrder({ id: '1001', name: '#1001', tags: ['wholesale', 'VIP'], lines: [{ id: '1', title: 'Poster', quantity: 1 }] });
});
afterEach(() => shop.close());

const push = (status: string, label: string): StatusPush => ({ orderExternalId: '1001', status, label, idempotencyKey: `status-${status}` });

describe('pushStatus', () => {
  it('sets the status metafield and tag', async () => {
    expect(await shop.api.pushStatus(shop.connection, push('in_production', 'In production'))).toEqual({ ok: true, value: undefined });

    expect(JSON.parse(shop.fake.metafield('1001', 'pressline', 'status')!)).toEqual({ status: 'in_production', label: 'In production' });
    expect(shop.fake.order('1001')!.tags).toEqual(['wholesale', 'VIP', 'pressline:in_production']);
  });

  it('replaces the previous pressline tag and keeps the merchant’s own', async () => {
    await shop.api.pushStatus(shop.connection, push('in_production', 'In production'));
    await shop.api.pushStatus(shop.connection, push('shipped', 'Shipped'));

    expect(shop.fake.order('1001')!.tags).toEqual(['wholesale', 'VIP', 'pressline:shipped']);
    expect(JSON.parse(shop.fake.metafield('1001', 'pressline', 'status')!)).toEqual({ status: 'shipped', label: 'Shipped' });
  });

  it('changes nothing when repeated', async () => {
    await shop.api.pushStatus(shop.connection, push('ready', 'Ready for pickup'));
    const mutations = () => shop.fake.requests.filter((r) => r.operation === 'mutation').length;
    const before = mutations();

    expect(await shop.api.pushStatus(shop.connection, push('ready', 'Ready for pickup'))).toEqual({ ok: true, value: undefined });
    expect(mutations()).toBe(before);
  });

  it('completes after a response lost once applied', async () => {
    shop.fake.failNext('mutation', { status: 502, afterApplying: true });

    expect(await shop.api.pushStatus(shop.connection, push('shipped', 'Shipped'))).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await shop.api.pushStatus(shop.connection, push('shipped', 'Shipped'))).toEqual({ ok: true, value: undefined });
    expect(shop.fake.order('1001')!.tags.filter((t) => t.startsWith('pressline:'))).toEqual(['pressline:shipped']);
  });

  it('refuses a status that cannot be a tag', async () => {
    expect(await shop.api.pushStatus(shop.connection, push('in production, rush', 'x'))).toMatchObject({ ok: false, reason: 'rejected' });
  });
});
