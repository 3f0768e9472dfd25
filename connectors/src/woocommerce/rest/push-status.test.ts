import { afterEach, describe, expect, it } from 'vitest';
import type { StatusPush } from '../../contract.ts';
import { createFakeWooCommerce, type FakeWooCommerce } from '../testing/fake-woocommerce.ts';
import { createWooCommerceApi } from '../woocommerce-api.ts';
import { STATUS_META_KEY } from './push-status.ts';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const api = createWooCommerceApi({ now: () => new Date(NOW) });
let fake: FakeWooCommerce | undefined;

afterEach(() => {
  fake?.close();
  fake = undefined;
});

async function site(): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce({ now: () => NOW });
  fake.listen();
  fake.seedOrder();
  return fake;
}

const push = (status: string, label: string): StatusPush => ({ orderExternalId: '727', status, label, idempotencyKey: `status:${status}` });

describe('WooCommerce pushStatus', () => {
  it('adds a private "Production:" note and sets _pressline_status, leaving the WooCommerce status alone', async () => {
    const shop = await site();
    expect(await api.pushStatus(shop.connection(), push('in_production', 'In production'))).toEqual({ ok: true, value: undefined });
    expect(shop.notes(727)).toEqual([expect.objectContaining({ note: 'Production: In production', customer_note: false })]);
    expect(shop.meta(727, STATUS_META_KEY)).toBe('in_production');
    expect(shop.order(727)?.status).toBe('processing');
  });

  it('writes nothing when the order already says it (a retry after a lost response)', async () => {
    const shop = await site();
    shop.failNext({ status: 'network', afterApplying: true, method: 'PUT' });
    expect(await api.pushStatus(shop.connection(), push('in_production', 'In production'))).toMatchObject({ ok: false, reason: 'unavailable' });
    const modified = shop.order(727)?.date_modified_gmt;
    const writes = shop.requests.filter((r) => r.method !== 'GET').length;

    expect(await api.pushStatus(shop.connection(), push('in_production', 'In production'))).toMatchObject({ ok: true });
    expect(shop.requests.filter((r) => r.method !== 'GET')).toHaveLength(writes);
    expect(shop.notes(727)).toHaveLength(1);
    expect(shop.order(727)?.date_modified_gmt).toBe(modified);
  });

  it('notes every change of stage, including a return to an earlier one', async () => {
    const shop = await site();
    for (const [status, label] of [['in_production', 'In production'], ['on_hold', 'On hold'], ['in_production', 'In production']] as const) {
      expect(await api.pushStatus(shop.connection(), push(status, label))).toMatchObject({ ok: true });
    }
    expect(shop.notes(727).map((note) => note.note)).toEqual(['Production: In production', 'Production: On hold', 'Production: In production']);
  });

  it('is not fooled by a customer note with the same words', async () => {
    const shop = await site();
    await api.addOrderNote(shop.connection(), { orderExternalId: '727', note: 'Production: Shipped', customerVisible: true });
    await api.pushStatus(shop.connection(), push('shipped', 'Shipped'));
    expect(shop.notes(727).filter((note) => !note.customer_note)).toHaveLength(1);
  });

  it('reports an unknown order', async () => {
    const shop = await site();
    expect(await api.pushStatus(shop.connection(), { ...push('x', 'X'), orderExternalId: '404' })).toMatchObject({ ok: false, reason: 'not_found' });
  });
});

describe('WooCommerce addOrderNote', () => {
  it('adds a customer note WooCommerce e-mails, or a private one', async () => {
    const shop = await site();
    await api.addOrderNote(shop.connection(), { orderExternalId: '727', note: 'Your proof is ready', customerVisible: true });
    await api.addOrderNote(shop.connection(), { orderExternalId: '727', note: 'Bleed fixed by operator', customerVisible: false });
    expect(shop.notes(727).map(({ note, customer_note }) => ({ note, customer_note }))).toEqual([
      { note: 'Bleed fixed by operator', customer_note: false },
      { note: 'Your proof is ready', customer_note: true },
    ]);
    expect(shop.requests.find((r) => r.method === 'POST')?.body).toEqual({ note: 'Your proof is ready', customer_note: true });
  });
});
