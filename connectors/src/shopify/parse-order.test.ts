import { describe, expect, it } from 'vitest';
import { sampleOrderBody } from './fixtures/sample-order.ts';
import { parseShopifyOrder } from './parse-order.ts';

/** A minimal order body in Shopify's shape, with `overrides` spliced in as raw JSON. */
function orderBody(overrides: Record<string, string> = {}, lineOverrides: Record<string, string> = {}): string {
  const line: Record<string, string> = {
    id: '487817672276298554',
    title: '"Business cards"',
    quantity: '2',
    price: '"24.90"',
    ...lineOverrides,
  };
  const order: Record<string, string> = {
    id: '820982911946154508',
    name: '"#1001"',
    currency: '"USD"',
    total_price: '"49.80"',
    created_at: '"2026-11-23T10:00:00+01:00"',
    line_items: `[${rawObject(line)}]`,
    ...overrides,
  };
  return rawObject(order);
}

function rawObject(fields: Record<string, string>): string {
  return `{${Object.entries(fields)
    .filter(([, raw]) => raw !== '')
    .map(([key, raw]) => `"${key}":${raw}`)
    .join(',')}}`;
}

function parsedOk(body: string) {
  const result = parseShopifyOrder(body);
  if (!result.ok) throw new Error(`expected a parsed order, got: ${result.message}`);
  return result.value;
}

describe('parseShopifyOrder', () => {
  it('keeps the sample order id exact where JSON.parse rounds it', () => {
    const rounded = (JSON.parse(sampleOrderBody) as { id: number }).id;
    expect(Number.isSafeInteger(rounded)).toBe(false);
    expect(String(rounded)).toBe('820982911946154500');

    expect(parsedOk(sampleOrderBody).externalId).toBe('820982911946154508');
  });

  it('normalises the official sample order', () => {
    expect(parsedOk(sampleOrderBody)).toEqual({
      platform: 'shopify',
      externalId: '820982911946154508',
      name: '#9999',
      currency: 'USD',
      totalMinor: 40495,
      financialStatus: 'voided',
      cancelledAt: '2022-01-01T00:00:00.000Z',
      placedAt: '2022-01-01T00:00:00.000Z',
      updatedAt: '2022-01-01T00:00:00.000Z',
      customer: {
        externalId: '115310627314723954',
        email: 'jon@example.com',
        firstName: 'John',
        lastName: 'Smith',
      },
      shippingAddress: {
        name: 'Steve Shipper',
        company: 'Shipping Company',
        address1: '123 Shipping Street',
        address2: null,
        city: 'Shippington',
        province: 'Kentucky',
        postalCode: '40003',
        countryCode: 'US',
        phone: '555-555-SHIP',
      },
      shippingMethod: 'Generic Shipping',
      note: null,
      tags: ['tag1', 'tag2'],
      lines: [
        {
          externalId: '487817672276298554',
          productExternalId: '788032119674292922',
          variantExternalId: null,
          sku: 'SKU2006-001',
          title: 'Aviator sunglasses',
          variantTitle: null,
          quantity: 1,
          unitPriceMinor: 8999,
          properties: [],
          requiresShipping: true,
        },
      ],
    });
  });

  it('fills absent optional fields with null and defaults', () => {
    const order = parsedOk(orderBody());
    expect(order).toMatchObject({
      financialStatus: 'unknown',
      cancelledAt: null,
      placedAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T09:00:00.000Z',
      customer: { externalId: null, email: null, firstName: null, lastName: null },
      shippingAddress: null,
      shippingMethod: null,
      note: null,
      tags: [],
    });
    expect(order.lines[0]).toEqual({
      externalId: '487817672276298554',
      productExternalId: null,
      variantExternalId: null,
      sku: null,
      title: 'Business cards',
      variantTitle: null,
      quantity: 2,
      unitPriceMinor: 2490,
      properties: [],
      requiresShipping: true,
    });
  });

  it('accepts ids written as strings and keeps big nested ids exact', () => {
    const order = parsedOk(
      orderBody(
        { id: '"9007199254740993"', customer: '{"id":9007199254740995,"email":"c@example.com"}' },
        { product_id: '9007199254740997', variant_id: '"42"' },
      ),
    );
    expect(order.externalId).toBe('9007199254740993');
    expect(order.customer).toMatchObject({ externalId: '9007199254740995', email: 'c@example.com' });
    expect(order.lines[0]).toMatchObject({ productExternalId: '9007199254740997', variantExternalId: '42' });
  });

  it('honours the currency exponent', () => {
    expect(parsedOk(orderBody({ currency: '"JPY"', total_price: '"3000"' }, { price: '"1500"' }))).toMatchObject({
      currency: 'JPY',
      totalMinor: 3000,
      lines: [{ unitPriceMinor: 1500 }],
    });
    expect(parsedOk(orderBody({ currency: '"kwd"', total_price: '"2.500"' }, { price: '"1.250"' }))).toMatchObject({
      currency: 'KWD',
      totalMinor: 2500,
      lines: [{ unitPriceMinor: 1250 }],
    });
  });

  it('turns line properties into name/value strings', () => {
    const properties = '[{"name":"Paper","value":"350gsm matte"},{"name":"Copies","value":250},{"name":"Rush","value":true},{"name":"_file","value":null}]';
    expect(parsedOk(orderBody({}, { properties })).lines[0]?.properties).toEqual([
      { name: 'Paper', value: '350gsm matte' },
      { name: 'Copies', value: '250' },
      { name: 'Rush', value: 'true' },
      { name: '_file', value: '' },
    ]);
  });

  it('prefers the order e-mail and splits tags', () => {
    const order = parsedOk(
      orderBody({
        email: '""',
        contact_email: '"buyer@example.com"',
        customer: '{"id":1,"email":"account@example.com","first_name":"Ada","last_name":""}',
        tags: '"rush, wholesale ,,"',
        financial_status: '"partially_refunded"',
      }),
    );
    expect(order.customer).toEqual({ externalId: '1', email: 'buyer@example.com', firstName: 'Ada', lastName: null });
    expect(order.tags).toEqual(['rush', 'wholesale']);
    expect(order.financialStatus).toBe('partially_refunded');
  });

  it('reads the shipping address and method', () => {
    const order = parsedOk(
      orderBody({
        shipping_address:
          '{"first_name":"Ada","last_name":"Lovelace","name":"","company":"","address1":"1 Horse Guards Road","address2":"  ","city":"London","province":"England","province_code":"ENG","zip":"SW1A 2HQ","country":"United Kingdom","country_code":"gb","phone":null}',
        shipping_lines: '[{"title":"Old rate","is_removed":true},{"title":"Express (1–2 days)","price":"9.00"}]',
      }),
    );
    expect(order.shippingAddress).toEqual({
      name: 'Ada Lovelace',
      company: null,
      address1: '1 Horse Guards Road',
      address2: null,
      city: 'London',
      province: 'England',
      postalCode: 'SW1A 2HQ',
      countryCode: 'GB',
      phone: null,
    });
    expect(order.shippingMethod).toBe('Express (1–2 days)');
  });

  it('has no shipping address or method for an order that ships nowhere', () => {
    for (const overrides of [
      { shipping_address: 'null', shipping_lines: '[]' },
      { shipping_address: '{"first_name":"","address1":null}', shipping_lines: '[{"title":""}]' },
    ]) {
      expect(parsedOk(orderBody(overrides))).toMatchObject({ shippingAddress: null, shippingMethod: null });
    }
  });

  it('maps a financial status it does not know to unknown', () => {
    expect(parsedOk(orderBody({ financial_status: '"expired"' })).financialStatus).toBe('unknown');
  });

  describe('rejects what is not an order', () => {
    it.each([
      ['invalid JSON', '{"id": 1,', 'body is not valid JSON'],
      ['a JSON array', '[1, 2]', 'body:'],
      ['a product payload', '{"id": 1, "title": "Hat", "variants": []}', 'line_items: is missing'],
      ['an order without id', orderBody({ id: '' }), 'id: is missing'],
      ['an order without line items', orderBody({ line_items: '' }), 'line_items: is missing'],
      ['a negative quantity', orderBody({}, { quantity: '-1' }), 'line_items[0].quantity:'],
      ['a fractional quantity', orderBody({}, { quantity: '1.5' }), 'line_items[0].quantity:'],
      ['a quantity given as text', orderBody({}, { quantity: '"3"' }), 'line_items[0].quantity:'],
      ['an id that is not numeric', orderBody({ id: '"abc"' }), 'id: expected a non-negative integer id'],
      ['a line without id', orderBody({}, { id: '' }), 'line_items[0].id: is missing'],
      ['a bad currency', orderBody({ currency: '"US Dollars"' }), 'currency:'],
      ['a bad price', orderBody({}, { price: '"24,90"' }), 'line_items[0].price is not a decimal amount'],
      ['a price finer than the currency', orderBody({ currency: '"JPY"', total_price: '"10"' }, { price: '"4.5"' }), 'line_items[0].price has more than 0 decimal places'],
      ['a bad total', orderBody({ total_price: 'null' }), 'total_price:'],
      ['a bad date', orderBody({ created_at: '"yesterday"' }), 'created_at: expected an ISO 8601 date-time'],
      ['duplicate keys', '{"id": 1, "id": 2, "line_items": []}', 'body is not valid JSON'],
    ])('%s', (_case, body, message) => {
      const result = parseShopifyOrder(body);
      expect(result).toMatchObject({ ok: false, reason: 'malformed_payload' });
      expect(!result.ok && result.message).toContain(message);
    });

    it('never echoes payload values in the message', () => {
      const secretish = 'tok_live_DO_NOT_LOG';
      for (const body of [
        orderBody({ currency: `"${secretish}"` }),
        orderBody({}, { quantity: `"${secretish}"` }),
        orderBody({ created_at: `"${secretish}"` }),
        `{"${secretish}": 1`,
        `{"id": "${secretish}"}`,
      ]) {
        const result = parseShopifyOrder(body);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.message).not.toContain(secretish);
      }
    });
  });
});
