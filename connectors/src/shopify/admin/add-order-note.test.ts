import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';

let shop: FakeShopHarness;
beforeEach(async () => {
  shop = await startFakeShop();
  shop.fake.seedOrder({ id: '1001', name: '#1001', note: 'Gift wrap please', lines: [{ id: '1', title: 'Poster', quantity: 1 }] });
  shop.fake.seedOrder({ id: '1002', name: '#1002', lines: [{ id: '2', title: 'Poster', quantity: 1 }] });
});
afterEach(() => shop.close());

describe('addOrderNote', () => {
  it('appends to the note the order has', async () => {
    const result = await shop.api.addOrderNote(shop.connection, { orderExternalId: '1001', note: 'Proof approved 2026-10-01', customerVisible: false });

    expect(result).toEqual({ ok: true, value: undefined });
    expect(shop.fake.order('1001')!.note).toBe('Gift wrap please\n\nProof approved 2026-10-01');
  });

  it('starts the note of an order without one', async () => {
    await shop.api.addOrderNote(shop.connection, { orderExternalId: '1002', note: 'Printed on press 2', customerVisible: true });
    expect(shop.fake.order('1002')!.note).toBe('Printed on press 2');
  });

  it('does not append twice after a lost response', async () => {
    shop.fake.failNext('orderUpdate', { status: 500, afterApplying: true });
    const note = { orderExternalId: '1001', note: 'Proof approved', customerVisible: false };

    expect(await shop.api.addOrderNote(shop.connection, note)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await shop.api.addOrderNote(shop.connection, note)).toEqual({ ok: true, value: undefined });
    expect(shop.fake.order('1001')!.note).toBe('Gift wrap please\n\nProof approved');
  });

  it('answers not_found for an unknown order', async () => {
    expect(await shop.api.addOrderNote(shop.connection, { orderExternalId: '404', note: 'x', customerVisible: false })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
  });
});
