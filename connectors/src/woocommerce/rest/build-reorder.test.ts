import { afterEach, describe, expect, it } from 'vitest';
import type { StorefrontOrder } from '../../contract.ts';
import { createFakeWooCommerce, type FakeWooCommerce } from '../testing/fake-woocommerce.ts';
import { createWooCommerceApi } from '../woocommerce-api.ts';
import { REORDER_OF_META_KEY } from './build-reorder.ts';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const api = createWooCommerceApi({ now: () => new Date(NOW) });
let fake: FakeWooCommerce | undefined;

afterEach(() => {
  fake?.close();
  fake = undefined;
});

async function siteWithSample(): Promise<{ shop: FakeWooCommerce; order: StorefrontOrder }> {
  fake = await createFakeWooCommerce({ now: () => NOW });
  fake.listen();
  fake.seedOrder();
  const fetched = await api.fetchOrder(fake.connection(), '727');
  if (!fetched.ok) throw new Error(fetched.message);
  return { shop: fake, order: fetched.value };
}

describe('WooCommerce buildReorder', () => {
  it('sends one plain line to the cart', async () => {
    const { shop, order } = await siteWithSample();
    const result = await api.buildReorder(shop.connection(), { order, lineExternalIds: ['315'] });
    expect(result).toEqual({ ok: true, value: { kind: 'cart', externalId: null, url: 'https://shop.example.test/?add-to-cart=93&quantity=2' } });
    expect(shop.requests).toHaveLength(1);
  });

  it('creates a pending order carrying every line\'s options, addresses and shipping, to pay on its own page', async () => {
    const { shop, order } = await siteWithSample();
    const result = await api.buildReorder(shop.connection(), { order });
    expect(result).toEqual({
      ok: true,
      value: { kind: 'draft_order', externalId: '728', url: expect.stringMatching(/^https:\/\/shop\.example\.test\/checkout\/order-pay\/728\/\?pay_for_order=true&key=wc_order_/) },
    });
    const created = shop.order(728)!;
    expect(created.status).toBe('pending');
    expect(created.created_via).toBe('rest-api');
    expect(created.line_items.map(({ product_id, variation_id, quantity }) => ({ product_id, variation_id, quantity }))).toEqual([
      { product_id: 93, variation_id: 0, quantity: 2 },
      { product_id: 22, variation_id: 23, quantity: 1 },
    ]);
    expect(created.line_items[1]?.meta_data.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'pa_color', value: 'black' },
      { key: 'size', value: 'M Test' },
    ]);
    expect(created['billing']).toMatchObject({ email: 'john.doe@example.com', address_1: '969 Market' });
    expect(created['shipping']).toMatchObject({ city: 'San Francisco' });
    expect(created['shipping_lines']).toEqual([expect.objectContaining({ method_id: 'flat_rate', total: '10.00' })]);
    expect(created.total).toBe('28.00');
    expect(created.meta_data).toEqual([expect.objectContaining({ key: REORDER_OF_META_KEY, value: '727' })]);
  });

  it('carries a single line with options through a pending order, not the cart', async () => {
    const { shop, order } = await siteWithSample();
    const result = await api.buildReorder(shop.connection(), { order, lineExternalIds: ['316'] });
    expect(result).toMatchObject({ ok: true, value: { kind: 'draft_order' } });
  });

  it('refuses a line whose product is gone', async () => {
    const { shop, order } = await siteWithSample();
    const gone = { ...order, lines: order.lines.map((line) => ({ ...line, productExternalId: null })) };
    expect(await api.buildReorder(shop.connection(), { order: gone })).toMatchObject({ ok: false, reason: 'rejected' });
  });

  it('refuses an empty selection', async () => {
    const { shop, order } = await siteWithSample();
    expect(await api.buildReorder(shop.connection(), { order, lineExternalIds: [] })).toMatchObject({ ok: false, reason: 'rejected' });
  });
});
