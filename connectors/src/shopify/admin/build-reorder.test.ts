import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';
import { REORDER_OF_PROPERTY } from './build-reorder.ts';

let shop: FakeShopHarness;
beforeEach(async () => {
  shop = await startFakeShop();
  shop.fake.seedOrder({
    id: '1001',
    name: '#1001',
    email: 'jon@example.com',
    customer: { id: '207119551', email: 'jon@example.com' },
    lines: [
      {
        id: '11',
        title: 'Business cards',
        variantTitle: '350gsm',
        quantity: 500,
        price: '0.09',
        variantId: '808950810',
        properties: [
          { name: 'Design', value: 'https://files.example.com/cards.pdf' },
          { name: '_pressline_file', value: 'sha256:9f86d081884c7d659a2feaa0c55ad015' },
        ],
      },
      { id: '12', title: 'Die-cut sticker', quantity: 50, price: '1.20', sku: 'DCS', properties: [{ name: 'Shape', value: 'star' }] },
    ],
  });
});
afterEach(() => shop.close());

async function originalOrder() {
  const order = await shop.api.fetchOrder(shop.connection, '1001');
  if (!order.ok) throw new Error(order.message);
  return order.value;
}

describe('buildReorder', () => {
  it('makes a draft order with the original lines, quantities and properties', async () => {
    const result = await shop.api.buildReorder(shop.connection, { order: await originalOrder() });

    const [draft, ...others] = shop.fake.draftOrders();
    expect(others).toHaveLength(0);
    expect(result).toEqual({ ok: true, value: { kind: 'draft_order', externalId: draft!.id, url: draft!.invoiceUrl } });
    expect(draft).toMatchObject({ email: 'jon@example.com', customerId: '207119551', tags: ['pressline:reorder'] });
    expect(draft!.lines).toEqual([
      expect.objectContaining({
        variantId: '808950810',
        quantity: 500,
        customAttributes: [
          { key: 'Design', value: 'https://files.example.com/cards.pdf' },
          { key: '_pressline_file', value: 'sha256:9f86d081884c7d659a2feaa0c55ad015' },
          { key: REORDER_OF_PROPERTY, value: '11' },
        ],
      }),
      expect.objectContaining({
        variantId: null,
        title: 'Die-cut sticker',
        sku: 'DCS',
        quantity: 50,
        price: '1.20',
        currency: 'USD',
        customAttributes: [{ key: 'Shape', value: 'star' }, { key: REORDER_OF_PROPERTY, value: '12' }],
      }),
    ]);
  });

  it('reorders only the chosen lines', async () => {
    await shop.api.buildReorder(shop.connection, { order: await originalOrder(), lineExternalIds: ['12'] });
    expect(shop.fake.draftOrders()[0]!.lines.map((line) => line.title)).toEqual(['Die-cut sticker']);
  });

  it('passes on Shopify’s refusal of a variant that is gone', async () => {
    const order = await originalOrder();
    const gone = { ...order, lines: [{ ...order.lines[0]!, variantExternalId: '999' }] };

    const result = await shop.api.buildReorder(shop.connection, { order: gone });

    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('no longer available') });
  });

  it('refuses a reorder with no lines', async () => {
    expect(await shop.api.buildReorder(shop.connection, { order: await originalOrder(), lineExternalIds: [] })).toMatchObject({
      ok: false,
      reason: 'rejected',
    });
  });
});
