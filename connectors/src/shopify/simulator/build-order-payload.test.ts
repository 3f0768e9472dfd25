import { describe, expect, it } from 'vitest';
import { parse } from 'lossless-json';
import { parseShopifyOrder } from '../parse-order.ts';
import { buildShopifyOrderPayload } from './build-order-payload.ts';

const bigOrder = {
  id: '820982911946154508',
  name: '#1042',
  email: 'customer@example.com',
  createdAt: '2026-11-23T10:15:00-05:00',
  lines: [
    {
      id: '487817672276298554',
      title: 'Business cards',
      quantity: 500,
      sku: 'BC-350-MATTE',
      price: '0.12',
      properties: [{ name: 'Artwork', value: 'https://files.example.com/card.pdf' }],
      productId: '788032119674292922',
      variantId: '9007199254740993',
      variantTitle: '350gsm / Matte',
    },
    { id: '487817672276298555', title: 'Poster A2', quantity: 3 },
  ],
};

describe('buildShopifyOrderPayload', () => {
  it('writes big ids as bare JSON numbers, unrounded', () => {
    const body = buildShopifyOrderPayload(bigOrder);
    expect(body).toContain('"id":820982911946154508,');
    expect(body).toContain('"id":487817672276298554,');
    expect(body).toContain('"product_id":788032119674292922,');
    expect(body).toContain('"variant_id":9007199254740993,');
    expect(body).toContain('"admin_graphql_api_id":"gid://shopify/Order/820982911946154508"');
  });

  it('has the shape of the official sample', () => {
    const payload = parse(buildShopifyOrderPayload(bigOrder)) as Record<string, unknown>;
    expect(payload).toMatchObject({
      name: '#1042',
      currency: 'USD',
      total_price: '90.00',
      total_price_set: { shop_money: { amount: '90.00', currency_code: 'USD' } },
      financial_status: 'paid',
      created_at: '2026-11-23T10:15:00-05:00',
      email: 'customer@example.com',
    });
    expect(payload.line_items).toHaveLength(2);
  });

  it('parses back into the order it describes', () => {
    const result = parseShopifyOrder(buildShopifyOrderPayload(bigOrder));
    expect(result).toMatchObject({
      ok: true,
      value: {
        externalId: '820982911946154508',
        name: '#1042',
        totalMinor: 9000, // 500 × 0.12 + 3 × 10.00
        financialStatus: 'paid',
        placedAt: '2026-11-23T15:15:00.000Z',
        customer: { email: 'customer@example.com', externalId: null },
        lines: [
          {
            externalId: '487817672276298554',
            productExternalId: '788032119674292922',
            variantExternalId: '9007199254740993',
            sku: 'BC-350-MATTE',
            variantTitle: '350gsm / Matte',
            quantity: 500,
            unitPriceMinor: 12,
            properties: [{ name: 'Artwork', value: 'https://files.example.com/card.pdf' }],
          },
          { externalId: '487817672276298555', sku: null, quantity: 3, unitPriceMinor: 1000 },
        ],
      },
    });
  });

  it('ships to a plausible address by the "Standard" line unless told otherwise', () => {
    const payload = parse(buildShopifyOrderPayload(bigOrder)) as Record<string, unknown>;
    expect(payload.shipping_address).toMatchObject({
      first_name: 'Alex',
      last_name: 'Rivera',
      name: 'Alex Rivera',
      address1: '500 Market Street',
      city: 'San Francisco',
      province: 'California',
      province_code: 'CA',
      zip: '94105',
      country: 'United States',
      country_code: 'US',
      company: null,
    });
    expect(payload.shipping_lines).toMatchObject([{ title: 'Standard', code: 'Standard', price: '0.00', is_removed: false }]);
    expect(payload.total_price).toBe('90.00');
  });

  it('writes the shipping address and method given, or none', () => {
    const shipped = parseShopifyOrder(
      buildShopifyOrderPayload({
        ...bigOrder,
        shippingAddress: { firstName: 'Grace', lastName: 'Hopper', company: 'Navy', address1: '1 Pier Rd', city: 'Arlington', countryCode: 'US' },
        shippingMethod: 'Express',
      }),
    );
    expect(shipped).toMatchObject({
      ok: true,
      value: {
        shippingAddress: {
          name: 'Grace Hopper',
          company: 'Navy',
          address1: '1 Pier Rd',
          address2: null,
          city: 'Arlington',
          province: null,
          postalCode: null,
          countryCode: 'US',
          phone: null,
        },
        shippingMethod: 'Express',
      },
    });

    const pickup = parseShopifyOrder(buildShopifyOrderPayload({ ...bigOrder, shippingAddress: null, shippingMethod: null }));
    expect(pickup).toMatchObject({ ok: true, value: { shippingAddress: null, shippingMethod: null } });
  });

  it('prices in the currency given', () => {
    const result = parseShopifyOrder(
      buildShopifyOrderPayload({ id: '1', name: '#1', currency: 'jpy', lines: [{ id: '2', title: 'Flyer', quantity: 2 }] }),
    );
    expect(result).toMatchObject({ ok: true, value: { currency: 'JPY', totalMinor: 20, lines: [{ unitPriceMinor: 10 }] } });
  });

  it('refuses input Shopify could not have sent', () => {
    expect(() => buildShopifyOrderPayload({ ...bigOrder, id: '8.2e17' })).toThrow(RangeError);
    expect(() => buildShopifyOrderPayload({ ...bigOrder, lines: [{ id: '1', title: 'x', quantity: -1 }] })).toThrow(RangeError);
    expect(() => buildShopifyOrderPayload({ ...bigOrder, lines: [{ id: '1', title: 'x', quantity: 1, price: '1.234' }] })).toThrow(RangeError);
  });
});
