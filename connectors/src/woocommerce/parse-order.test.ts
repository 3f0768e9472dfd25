import { describe, expect, it } from 'vitest';
import { sampleOrderBody } from './fixtures/sample-order.ts';
import { parseWooCommerceOrder } from './parse-order.ts';

const sample = JSON.parse(sampleOrderBody) as Record<string, unknown> & { line_items: Record<string, unknown>[] };
const withOrder = (changes: Record<string, unknown>) => JSON.stringify({ ...sample, ...changes });
const withLine = (changes: Record<string, unknown>) => withOrder({ line_items: [{ ...sample.line_items[0], ...changes }] });

describe('parseWooCommerceOrder', () => {
  it('normalises the REST docs sample order', () => {
    expect(parseWooCommerceOrder(sampleOrderBody)).toEqual({
      ok: true,
      value: {
        platform: 'woocommerce',
        externalId: '727',
        name: '#727',
        currency: 'USD',
        totalMinor: 2935,
        financialStatus: 'paid',
        cancelledAt: null,
        // The *_gmt fields are UTC without a zone; the site's local time is 3 h behind.
        placedAt: '2017-03-22T19:28:02.000Z',
        updatedAt: '2017-03-22T19:28:08.000Z',
        customer: { externalId: null, email: 'john.doe@example.com', firstName: 'John', lastName: 'Doe' },
        shippingAddress: {
          name: 'John Doe',
          company: null,
          address1: '969 Market',
          address2: null,
          city: 'San Francisco',
          province: 'CA',
          postalCode: '94103',
          countryCode: 'US',
          phone: null,
        },
        shippingMethod: 'Flat Rate',
        note: null,
        tags: [],
        lines: [
          {
            externalId: '315',
            productExternalId: '93',
            variantExternalId: null,
            sku: null,
            title: 'Woo Single #1',
            variantTitle: null,
            quantity: 2,
            unitPriceMinor: 300,
            properties: [],
            requiresShipping: true,
          },
          {
            externalId: '316',
            productExternalId: '22',
            variantExternalId: '23',
            sku: 'Bar3',
            title: 'Ship Your Idea \u2013 Color: Black, Size: M Test',
            variantTitle: null,
            quantity: 1,
            unitPriceMinor: 1200,
            properties: [
              { name: 'pa_color', value: 'black' },
              { name: 'size', value: 'M Test' },
            ],
            requiresShipping: true,
          },
        ],
      },
    });
  });

  it('maps every shipping field, leaving empty ones out', () => {
    const parsed = parseWooCommerceOrder(
      withOrder({
        shipping: {
          first_name: '',
          last_name: 'Muller',
          company: 'Druckerei & Co',
          address_1: 'Hauptstrasse 1',
          address_2: 'Hinterhaus',
          city: 'Berlin',
          state: '',
          postcode: '10115',
          country: 'de',
          phone: '+49 30 1234567',
        },
        shipping_lines: [{ id: 1, method_title: 'Express &ndash; next day', method_id: 'flat_rate', total: '9.00' }],
      }),
    );
    expect(parsed.ok && parsed.value.shippingAddress).toEqual({
      name: 'Muller',
      company: 'Druckerei & Co',
      address1: 'Hauptstrasse 1',
      address2: 'Hinterhaus',
      city: 'Berlin',
      province: null,
      postalCode: '10115',
      countryCode: 'DE',
      phone: '+49 30 1234567',
    });
    expect(parsed.ok && parsed.value.shippingMethod).toBe('Express \u2013 next day');
  });

  it('has no shipping address or method for a virtual or pickup order', () => {
    const emptyAddress = { first_name: '', last_name: '', company: '', address_1: '', address_2: '', city: '', state: '', postcode: '', country: '', phone: '' };
    for (const changes of [{ shipping: emptyAddress, shipping_lines: [] }, { shipping: undefined, shipping_lines: undefined }, { shipping: null, shipping_lines: null }]) {
      const parsed = parseWooCommerceOrder(withOrder(changes));
      expect(parsed.ok && parsed.value.shippingAddress).toBeNull();
      expect(parsed.ok && parsed.value.shippingMethod).toBeNull();
    }
  });

  it('keeps design-file links and add-on options as properties and leaves private meta out', () => {
    const parsed = parseWooCommerceOrder(
      withLine({
        meta_data: [
          { id: 1, key: 'Upload your artwork', value: 'https://print.example.com/wp-content/uploads/wapf/abc/cards.pdf' },
          { id: 2, key: 'Paper', value: '350gsm silk', display_key: 'Paper', display_value: '350gsm silk' },
          { id: 3, key: '_reduced_stock', value: '2' },
          { id: 4, key: 'Corners', value: ['rounded', '3mm'], display_value: 'rounded, 3mm' },
          { id: 5, key: 'Proof', value: true },
          { id: 6, key: 'Sides', value: 2 },
          { id: 7, key: 'Extras', value: { foil: 'gold' }, display_value: '<p>gold</p>' },
        ],
      }),
    );
    expect(parsed.ok && parsed.value.lines[0]?.properties).toEqual([
      { name: 'Upload your artwork', value: 'https://print.example.com/wp-content/uploads/wapf/abc/cards.pdf' },
      { name: 'Paper', value: '350gsm silk' },
      { name: 'Corners', value: 'rounded, 3mm' },
      { name: 'Proof', value: 'true' },
      { name: 'Sides', value: '2' },
      { name: 'Extras', value: '{"foil":"gold"}' },
    ]);
  });

  it('takes the unit price from the exact line subtotal, not the float `price`', () => {
    const parsed = parseWooCommerceOrder(withLine({ quantity: 3, subtotal: '10.00', total: '9.00', price: 3.3333333333 }));
    expect(parsed.ok && parsed.value.lines[0]?.unitPriceMinor).toBe(333);
  });

  it('rounds amounts a shop writes with more decimals than its currency has', () => {
    const parsed = parseWooCommerceOrder(withOrder({ total: '3.535', line_items: [{ ...sample.line_items[0], quantity: 100, subtotal: '3.500' }] }));
    expect(parsed.ok && parsed.value.totalMinor).toBe(354);
    expect(parsed.ok && parsed.value.lines[0]?.unitPriceMinor).toBe(4);
  });

  it('uses zero-decimal currencies as they are', () => {
    const parsed = parseWooCommerceOrder(withOrder({ currency: 'jpy', total: '4500', line_items: [{ ...sample.line_items[0], subtotal: '4000', quantity: 2 }] }));
    expect(parsed.ok && [parsed.value.currency, parsed.value.totalMinor, parsed.value.lines[0]?.unitPriceMinor]).toEqual(['JPY', 4500, 2000]);
  });

  it('names a registered customer and the order note', () => {
    const parsed = parseWooCommerceOrder(withOrder({ customer_id: 42, customer_note: 'Please deliver after 5pm', number: 'WC-2026-0042' }));
    expect(parsed.ok && [parsed.value.customer.externalId, parsed.value.note, parsed.value.name]).toEqual(['42', 'Please deliver after 5pm', '#WC-2026-0042']);
  });

  it('marks a cancelled order with its modification time', () => {
    const parsed = parseWooCommerceOrder(withOrder({ status: 'cancelled', date_paid: null, date_paid_gmt: null, date_modified_gmt: '2017-03-23T08:00:00' }));
    expect(parsed.ok && [parsed.value.financialStatus, parsed.value.cancelledAt]).toEqual(['voided', '2017-03-23T08:00:00.000Z']);
  });

  it.each([
    ['not JSON', '{"id": 727,', /not valid JSON/],
    ['a deleted-order notice', '{"id": 727}', /line_items: is missing/],
    ['a line without quantity', withLine({ quantity: undefined }), /line_items\[0\]\.quantity/],
    ['a fractional quantity', withLine({ quantity: 1.5 }), /line_items\[0\]\.quantity/],
    ['a bad currency', withOrder({ currency: 'US' }), /currency/],
    ['a bad date', withOrder({ date_created_gmt: 'yesterday' }), /date_created_gmt/],
    ['a non-decimal total', withOrder({ total: 'twenty' }), /total is not a decimal amount/],
  ])('refuses %s', (_case, body, message) => {
    const parsed = parseWooCommerceOrder(body);
    expect(parsed).toMatchObject({ ok: false, reason: 'malformed_payload' });
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('does not echo the body in its messages', () => {
    const parsed = parseWooCommerceOrder('{"secret":"sk_live_123"');
    expect(!parsed.ok && parsed.message).not.toContain('sk_live_123');
  });
});
