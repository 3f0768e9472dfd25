import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseShopifyOrder } from '../parse-order.ts';
import { buildShopifyOrderPayload } from '../simulator/build-order-payload.ts';
import type { FakeOrderSeed } from '../testing/fake-shopify-admin.ts';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';

let shop: FakeShopHarness;
beforeEach(async () => {
  shop = await startFakeShop();
});
afterEach(() => shop.close());

const printOrder: FakeOrderSeed = {
  id: '820982911946154508',
  name: '#1001',
  email: 'jon@example.com',
  currency: 'EUR',
  createdAt: '2026-09-30T08:15:00+02:00',
  updatedAt: '2026-09-30T09:00:00+02:00',
  note: 'Please ship before Friday',
  shippingAddress: {
    firstName: 'Jon',
    lastName: 'Snow',
    company: 'Night Print GmbH',
    address1: 'Torstraße 1',
    city: 'Berlin',
    province: 'Berlin',
    provinceCode: 'BE',
    zip: '10119',
    country: 'Germany',
    countryCode: 'DE',
    phone: '+49 30 1234567',
  },
  shippingMethod: 'DHL Paket',
  lines: [
    {
      id: '866550311766439020',
      title: 'Business cards',
      variantTitle: '350gsm matte',
      sku: 'BC-350-M',
      quantity: 2,
      price: '24.90',
      productId: '632910392',
      variantId: '808950810',
      properties: [
        { name: 'Design', value: 'https://files.example.com/cards-front.pdf' },
        { name: 'Rounded corners', value: 'yes' },
      ],
    },
    { id: '141249953214522974', title: 'Custom banner', quantity: 1, price: '89.00' },
  ],
};

describe('fetchOrder', () => {
  it('maps an order exactly as its webhook maps', async () => {
    shop.fake.seedOrder(printOrder);
    const webhook = parseShopifyOrder(buildShopifyOrderPayload(printOrder));
    if (!webhook.ok) throw new Error(webhook.message);

    const result = await shop.api.fetchOrder(shop.connection, printOrder.id);

    expect(result).toEqual({ ok: true, value: webhook.value });
    expect(result).toMatchObject({
      value: {
        externalId: '820982911946154508',
        currency: 'EUR',
        totalMinor: 13880,
        financialStatus: 'paid',
        placedAt: '2026-09-30T06:15:00.000Z',
        updatedAt: '2026-09-30T07:00:00.000Z',
        note: 'Please ship before Friday',
        shippingAddress: {
          name: 'Jon Snow',
          company: 'Night Print GmbH',
          address1: 'Torstraße 1',
          address2: null,
          city: 'Berlin',
          province: 'Berlin',
          postalCode: '10119',
          countryCode: 'DE',
          phone: '+49 30 1234567',
        },
        shippingMethod: 'DHL Paket',
        lines: [
          {
            externalId: '866550311766439020',
            variantExternalId: '808950810',
            productExternalId: '632910392',
            sku: 'BC-350-M',
            variantTitle: '350gsm matte',
            unitPriceMinor: 2490,
            properties: [
              { name: 'Design', value: 'https://files.example.com/cards-front.pdf' },
              { name: 'Rounded corners', value: 'yes' },
            ],
            requiresShipping: true,
          },
          { externalId: '141249953214522974', variantExternalId: null, sku: null, unitPriceMinor: 8900 },
        ],
      },
    });
  });

  it('maps an order that ships nowhere, and the default shipping, exactly as their webhooks map', async () => {
    const pickup: FakeOrderSeed = { ...printOrder, id: '1201', name: '#1201', shippingAddress: null, shippingMethod: null };
    const defaults: FakeOrderSeed = { ...printOrder, id: '1202', name: '#1202', shippingAddress: undefined, shippingMethod: undefined };
    for (const seed of [pickup, defaults]) {
      shop.fake.seedOrder(seed);
      const webhook = parseShopifyOrder(buildShopifyOrderPayload(seed));
      if (!webhook.ok) throw new Error(webhook.message);
      expect(await shop.api.fetchOrder(shop.connection, seed.id)).toEqual({ ok: true, value: webhook.value });
    }

    expect(await shop.api.fetchOrder(shop.connection, '1201')).toMatchObject({ ok: true, value: { shippingAddress: null, shippingMethod: null } });
    expect(await shop.api.fetchOrder(shop.connection, '1202')).toMatchObject({
      ok: true,
      value: { shippingAddress: { name: 'Alex Rivera', countryCode: 'US', postalCode: '94105' }, shippingMethod: 'Standard' },
    });
  });

  it('keeps ids beyond 2^53 exact', async () => {
    shop.fake.seedOrder({
      id: '9223372036854775807',
      name: '#9999',
      customer: { id: '9007199254740993', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      lines: [{ id: '9223372036854775806', title: 'Poster', quantity: 1, variantId: '18446744073709551615', productId: '9007199254740995' }],
    });

    const result = await shop.api.fetchOrder(shop.connection, '9223372036854775807');

    expect(result).toMatchObject({
      ok: true,
      value: {
        externalId: '9223372036854775807',
        customer: { externalId: '9007199254740993', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
        lines: [{ externalId: '9223372036854775806', variantExternalId: '18446744073709551615', productExternalId: '9007199254740995' }],
      },
    });
  });

  it('reads the customer, tags, cancellation and financial status', async () => {
    shop.fake.seedOrder({
      id: '1001',
      name: '#1001',
      financialStatus: 'partially_refunded',
      cancelledAt: '2026-09-30T10:00:00Z',
      tags: ['wholesale', ' rush '],
      customer: { id: '207119551', firstName: 'Bob', lastName: 'Norman', email: 'bob@example.com' },
      lines: [{ id: '1', title: 'Flyer', quantity: 500, price: '0.08' }],
    });
    shop.fake.seedOrder({ id: '1002', name: '#1002', financialStatus: 'expired', lines: [{ id: '2', title: 'Flyer', quantity: 1 }] });

    const first = await shop.api.fetchOrder(shop.connection, '1001');
    const second = await shop.api.fetchOrder(shop.connection, '1002');

    expect(first).toMatchObject({
      ok: true,
      value: {
        financialStatus: 'partially_refunded',
        cancelledAt: '2026-09-30T10:00:00.000Z',
        tags: ['wholesale', 'rush'],
        // No order e-mail of its own: the customer's is used.
        customer: { externalId: '207119551', email: 'bob@example.com', firstName: 'Bob', lastName: 'Norman' },
        totalMinor: 4000,
      },
    });
    expect(second).toMatchObject({ ok: true, value: { financialStatus: 'unknown' } });
  });

  it('reads every line of an order longer than one page of line items', async () => {
    const lines = Array.from({ length: 230 }, (_, i) => ({ id: String(5_000 + i), title: `Label ${i}`, quantity: 1, price: '1.00' }));
    shop.fake.seedOrder({ id: '1003', name: '#1003', lines });

    const result = await shop.api.fetchOrder(shop.connection, '1003');

    if (!result.ok) throw new Error(result.message);
    expect(result.value.lines.map((line) => line.externalId)).toEqual(lines.map((line) => line.id));
    expect(result.value.totalMinor).toBe(23000);
  });

  it('answers not_found for an order the shop does not have', async () => {
    expect(await shop.api.fetchOrder(shop.connection, '404')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await shop.api.fetchOrder(shop.connection, 'not-an-id')).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
