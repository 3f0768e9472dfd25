import { describe, expect, it } from 'vitest';
import { sampleOrderBody } from './fixtures/sample-order.ts';
import { parseOdooOrder } from './parse-order.ts';

const sample = JSON.parse(sampleOrderBody) as { sale_order_read: Record<string, unknown>[]; sale_order_line_read: Record<string, unknown>[] };

/** The sample with changes to its order and lines. */
function variant(change: { order?: Record<string, unknown>; lines?: Record<string, unknown>[]; extra?: Record<string, unknown> }): string {
  return JSON.stringify({
    sale_order_read: [{ ...sample.sale_order_read[0], ...change.order }],
    sale_order_line_read: change.lines ?? sample.sale_order_line_read,
    ...change.extra,
  });
}

describe('parseOdooOrder', () => {
  it('normalises the synthesized sale.order read exactly', () => {
    expect(parseOdooOrder(sampleOrderBody)).toEqual({
      ok: true,
      value: {
        platform: 'odoo',
        externalId: '42',
        name: 'S00042',
        currency: 'USD',
        totalMinor: 11500,
        financialStatus: 'paid',
        cancelledAt: null,
        placedAt: '2026-03-02T09:15:00.000Z',
        updatedAt: '2026-03-02T09:15:00.000Z',
        customer: { externalId: '15', email: null, firstName: 'Deco Addict', lastName: null },
        // partner_shipping_id names contact 16, but the sample holds no res.partner read.
        shippingAddress: null,
        shippingMethod: null,
        note: null,
        tags: [],
        lines: [
          {
            externalId: '101',
            productExternalId: null,
            variantExternalId: '7',
            sku: null,
            title: '[MUG-01] Custom Mug',
            variantTitle: null,
            quantity: 2,
            unitPriceMinor: 4000,
            properties: [{ name: 'Engraving', value: 'Hello' }],
            requiresShipping: true,
          },
          {
            externalId: '102',
            productExternalId: null,
            variantExternalId: '8',
            sku: null,
            title: '[CARD-01] Gift card',
            variantTitle: null,
            quantity: 1,
            unitPriceMinor: 2000,
            properties: [],
            requiresShipping: true,
          },
        ],
      },
    });
  });

  it('uses the customer, product and template reads when they are there', () => {
    const [mug, card] = sample.sale_order_line_read;
    const body = variant({
      order: { write_date: '2026-03-03 10:00:00' },
      lines: [
        { ...mug, product_template_id: [70, 'Custom Mug'], product_type: 'consu' },
        { ...card, product_template_id: [80, 'Gift card'], product_type: 'service' },
      ],
      extra: {
        res_partner_read: [{ id: 15, name: 'Deco Addict', email: 'deco.addict82@example.com' }],
        product_product_read: [{ id: 7, default_code: 'MUG-01' }, { id: 8, default_code: false }],
      },
    });
    const parsed = parseOdooOrder(body);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        updatedAt: '2026-03-03T10:00:00.000Z',
        customer: { externalId: '15', email: 'deco.addict82@example.com', firstName: 'Deco Addict' },
        lines: [
          { productExternalId: '70', variantExternalId: '7', sku: 'MUG-01', requiresShipping: true },
          { productExternalId: '80', variantExternalId: '8', sku: null, requiresShipping: false },
        ],
      },
    });
  });

  it('reads the delivery contact as the shipping address and the carrier as the method', () => {
    const delivery = {
      id: 16,
      name: 'Jane Doe',
      email: false,
      parent_id: [15, 'Deco Addict'],
      commercial_company_name: 'Deco Addict',
      street: '77 Santa Barbara Rd',
      street2: 'Suite 4',
      city: 'Pleasant Hill',
      state_id: [13, 'California (US)'],
      zip: '94523',
      country_code: 'US',
      phone: '(603)-996-3829',
    };
    const body = variant({
      order: { carrier_id: [2, 'Standard delivery'] },
      extra: { res_partner_read: [{ id: 15, name: 'Deco Addict', email: 'deco.addict82@example.com' }, delivery] },
    });
    expect(parseOdooOrder(body)).toMatchObject({
      ok: true,
      value: {
        customer: { externalId: '15', firstName: 'Deco Addict' },
        shippingAddress: {
          name: 'Jane Doe',
          company: 'Deco Addict',
          address1: '77 Santa Barbara Rd',
          address2: 'Suite 4',
          city: 'Pleasant Hill',
          province: 'California',
          postalCode: '94523',
          countryCode: 'US',
          phone: '(603)-996-3829',
        },
        shippingMethod: 'Standard delivery',
      },
    });

    // 19 fills commercial_company_name with a lone contact's own name: that is no company.
    const lone = { ...delivery, parent_id: false, commercial_company_name: 'Jane Doe', street2: false, state_id: false, country_code: 'gb', phone: false };
    expect(parseOdooOrder(variant({ extra: { res_partner_read: [lone] } }))).toMatchObject({
      ok: true,
      value: {
        shippingAddress: { name: 'Jane Doe', company: null, address2: null, province: null, countryCode: 'GB', phone: null },
        shippingMethod: null,
      },
    });
    // No delivery contact on the order, or one with nothing in it: no address.
    expect(parseOdooOrder(variant({ order: { partner_shipping_id: false }, extra: { res_partner_read: [delivery] } }))).toMatchObject({ ok: true, value: { shippingAddress: null } });
    const blank = { id: 16, name: false, email: false, parent_id: false, commercial_company_name: false, street: false, street2: false, city: false, state_id: false, zip: false, country_code: false, phone: false };
    expect(parseOdooOrder(variant({ extra: { res_partner_read: [blank] } }))).toMatchObject({ ok: true, value: { shippingAddress: null } });
  });

  it('refuses a fractional quantity, naming the line and the reason', () => {
    const [mug, card] = sample.sale_order_line_read;
    expect(parseOdooOrder(variant({ lines: [{ ...mug, product_uom_qty: 2.5 }, card!] }))).toEqual({
      ok: false,
      reason: 'malformed_payload',
      message:
        'sale.order 42 (S00042): sale.order.line 101 ("[MUG-01] Custom Mug"): product_uom_qty 2.5 is not a whole number: Pressline produces whole units, so sell this product in a unit of measure counted in whole items (e.g. Units), not by weight, length or time',
    });
  });

  it('skips sections, notes, down payments and discount lines', () => {
    const [mug] = sample.sale_order_line_read;
    const lines = [
      { id: 100, display_type: 'line_section', product_id: false, name: 'Mugs', product_uom_qty: 0, price_unit: 0 },
      mug!,
      { id: 103, display_type: 'line_note', product_id: false, name: 'Handle with care', product_uom_qty: 0, price_unit: 0 },
      { id: 104, display_type: false, is_downpayment: true, product_id: [9, 'Down payment'], name: 'Down Payment', product_uom_qty: 0, price_unit: 30 },
      { id: 105, display_type: false, product_id: [10, '10% on your order'], name: '10% on your order', product_uom_qty: 1, price_unit: -8 },
    ];
    const parsed = parseOdooOrder(variant({ order: { order_line: [100, 101, 103, 104, 105] }, lines }));
    expect(parsed.ok && parsed.value.lines.map((line) => line.externalId)).toEqual(['101']);
  });

  it('reads quotations as pending and cancelled orders as voided at their last write', () => {
    expect(parseOdooOrder(variant({ order: { state: 'draft' } }))).toMatchObject({ ok: true, value: { financialStatus: 'pending', cancelledAt: null } });
    expect(parseOdooOrder(variant({ order: { state: 'sent' } }))).toMatchObject({ ok: true, value: { financialStatus: 'pending' } });
    expect(parseOdooOrder(variant({ order: { state: 'cancel', write_date: '2026-03-04 08:00:00' } }))).toMatchObject({
      ok: true,
      value: { financialStatus: 'voided', cancelledAt: '2026-03-04T08:00:00.000Z', updatedAt: '2026-03-04T08:00:00.000Z' },
    });
  });

  it('converts amounts with the currency’s decimals, through float noise', () => {
    const [mug] = sample.sale_order_line_read;
    const yen = parseOdooOrder(variant({ order: { currency_id: [25, 'JPY'], amount_total: 3300.0, order_line: [101] }, lines: [{ ...mug, price_unit: 1500.0 }] }));
    expect(yen).toMatchObject({ ok: true, value: { currency: 'JPY', totalMinor: 3300, lines: [{ unitPriceMinor: 1500 }] } });
    const noisy = parseOdooOrder(variant({ order: { amount_total: 0.1 + 0.2, order_line: [101] }, lines: [{ ...mug, price_unit: 1.15 * 3 }] }));
    expect(noisy).toMatchObject({ ok: true, value: { totalMinor: 30, lines: [{ unitPriceMinor: 345 }] } });
  });

  it('refuses what is not a sale order read, and says what the webhook is', () => {
    expect(parseOdooOrder('{"_model": "sale.order", "_id": 42}')).toEqual({
      ok: false,
      reason: 'malformed_payload',
      message: 'this is an Odoo webhook notification, which carries no order: read the order with fetchOrder',
    });
    expect(parseOdooOrder('nope')).toEqual({ ok: false, reason: 'malformed_payload', message: 'body is not valid JSON' });
    expect(parseOdooOrder(variant({ order: { currency_id: false } }))).toMatchObject({ ok: false, message: 'sale.order 42 (S00042): currency_id is not an ISO 4217 currency' });
    expect(parseOdooOrder(variant({ order: { order_line: [101, 102, 999] } }))).toMatchObject({ ok: false, message: 'sale.order 42 (S00042): order line 999 was not read' });
    expect(parseOdooOrder('{"sale_order_read": [], "sale_order_line_read": []}')).toMatchObject({ ok: false, message: expect.stringMatching(/^not an Odoo sale order read: sale_order_read/) });
  });
});
