import { afterEach, describe, expect, it } from 'vitest';
import type { FulfillmentRequest } from '../../contract.ts';
import { createFakeWooCommerce, type FakeWooCommerce } from '../testing/fake-woocommerce.ts';
import { createWooCommerceApi } from '../woocommerce-api.ts';
import { FULFILLMENTS_META_KEY } from './fulfillment-record.ts';
import { createWooRest } from './rest-client.ts';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const api = createWooCommerceApi({ now: () => new Date(NOW) });
let fake: FakeWooCommerce | undefined;

afterEach(() => {
  fake?.close();
  fake = undefined;
});

/** The docs' sample order 727 (lines 315 × 2 and 316 × 1, processing) on a site with or without Shipment Tracking. */
async function site(shipmentTracking: boolean): Promise<FakeWooCommerce> {
  fake = await createFakeWooCommerce({ now: () => NOW, shipmentTracking });
  fake.listen();
  fake.seedOrder();
  return fake;
}

function shipment(overrides: Partial<FulfillmentRequest> = {}): FulfillmentRequest {
  return {
    orderExternalId: '727',
    lines: [],
    carrier: 'UPS',
    trackingNumbers: ['1Z999AA10123456784'],
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    notifyCustomer: true,
    idempotencyKey: 'shipment:job-1',
    ...overrides,
  };
}

describe.each([
  ['with the Shipment Tracking extension', true],
  ['without it (order meta)', false],
])('WooCommerce createFulfillment %s', (_case, extension) => {
  it('records the tracking, notes it for the customer and completes the order', async () => {
    const shop = await site(extension);
    const result = await api.createFulfillment(shop.connection(), shipment());
    expect(result).toEqual({ ok: true, value: { fulfillmentExternalId: expect.stringMatching(/^pressline-[0-9a-f]{24}$/), created: true } });
    expect(shop.trackingItems(727)).toEqual([
      expect.objectContaining({
        custom_tracking_provider: 'UPS',
        custom_tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        tracking_number: '1Z999AA10123456784',
        // The extension keeps only the day it is given (strtotime of YYYY-MM-DD).
        date_shipped: String((extension ? Date.parse('2026-11-20T00:00:00Z') : NOW) / 1000),
      }),
    ]);
    expect(shop.order(727)?.status).toBe('completed');
    expect(shop.notes(727)).toEqual([
      expect.objectContaining({
        customer_note: true,
        note: 'Your order has shipped. Items: 2 × Woo Single #1, 1 × Ship Your Idea \u2013 Color: Black, Size: M Test. UPS: 1Z999AA10123456784. Track it at https://www.ups.com/track?tracknum=1Z999AA10123456784',
      }),
    ]);
    const usedExtension = shop.requests.some((r) => r.method === 'POST' && r.route.startsWith('wc-shipment-tracking/'));
    expect(usedExtension).toBe(extension);
  });

  it('adds exactly one tracking item when the response to the order update is lost and the call is retried', async () => {
    const shop = await site(extension);
    shop.failNext({ status: 'network', afterApplying: true, method: 'PUT', route: 'wc/v3/orders/727' });
    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: false, reason: 'unavailable' });

    const retried = await api.createFulfillment(shop.connection(), shipment());
    expect(retried).toMatchObject({ ok: true, value: { created: false } });
    expect(shop.trackingItems(727)).toHaveLength(1);
    expect(shop.notes(727)).toHaveLength(1);
    expect(shop.meta(727, FULFILLMENTS_META_KEY)).toHaveLength(1);
  });

  it('returns the same id for the same key, and does nothing more', async () => {
    const shop = await site(extension);
    const first = await api.createFulfillment(shop.connection(), shipment());
    const writes = shop.requests.filter((r) => r.method !== 'GET').length;
    const second = await api.createFulfillment(shop.connection(), shipment());
    expect(second).toEqual({ ok: true, value: { fulfillmentExternalId: first.ok ? first.value.fulfillmentExternalId : '', created: false } });
    expect(shop.requests.filter((r) => r.method !== 'GET')).toHaveLength(writes);
  });

  it('posts the note a failed call left out when it is retried', async () => {
    const shop = await site(extension);
    shop.failNext({ status: 503, method: 'POST', route: 'wc/v3/orders/727/notes' });
    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(shop.notes(727)).toHaveLength(0);
    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: true, value: { created: false } });
    expect(shop.notes(727)).toHaveLength(1);
    expect(shop.trackingItems(727)).toHaveLength(1);
  });

  it('ships part of the order without completing it, then the rest', async () => {
    const shop = await site(extension);
    const part = await api.createFulfillment(shop.connection(), shipment({ lines: [{ lineExternalId: '315', quantity: 2 }], notifyCustomer: false }));
    expect(part).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.order(727)?.status).toBe('processing');
    expect(shop.notes(727)[0]).toMatchObject({ customer_note: false, note: expect.stringMatching(/^Part of your order has shipped\. Items: 2 × Woo Single #1\./) });

    const rest = await api.createFulfillment(shop.connection(), shipment({ idempotencyKey: 'shipment:job-2', trackingNumbers: ['1Z999AA10123456785'], lines: [] }));
    expect(rest).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.order(727)?.status).toBe('completed');
    expect(shop.trackingItems(727).map((item) => item['tracking_number'])).toEqual(['1Z999AA10123456784', '1Z999AA10123456785']);
  });

  it.each([
    ['more than is left of a line', { lines: [{ lineExternalId: '316', quantity: 2 }] }, /1 left/],
    ['a line of another order', { lines: [{ lineExternalId: '999', quantity: 1 }] }, /not a line of the order/],
    ['a zero quantity', { lines: [{ lineExternalId: '315', quantity: 0 }] }, /positive integer/],
  ])('refuses to ship %s', async (_label, change, message) => {
    const shop = await site(extension);
    const result = await api.createFulfillment(shop.connection(), shipment(change));
    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringMatching(message) });
    expect(shop.trackingItems(727)).toHaveLength(0);
  });

  it('refuses a cancelled order', async () => {
    const shop = await site(extension);
    shop.editOrder(727, { status: 'cancelled' });
    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('cancelled') });
  });
});

describe('WooCommerce createFulfillment with the Shipment Tracking extension', () => {
  it('does not add a second item when the extension applied it and the answer was lost', async () => {
    const shop = await site(true);
    shop.failNext({ status: 'network', afterApplying: true, method: 'POST', route: 'wc-shipment-tracking/' });
    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(shop.trackingItems(727)).toHaveLength(1);

    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.trackingItems(727)).toHaveLength(1);
    expect(shop.order(727)?.status).toBe('completed');
  });

  it('passes the extension\'s throttling on as throttled', async () => {
    const shop = await site(true);
    shop.throttleNext(4, { route: 'wc-shipment-tracking/', method: 'POST' });
    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 4000 });
    expect(await api.createFulfillment(shop.connection(), shipment())).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.trackingItems(727)).toHaveLength(1);
  });
});

describe('WooCommerce createFulfillment without the extension', () => {
  it('falls back to the _wc_shipment_tracking_items meta in the extension\'s format', async () => {
    const shop = await site(false);
    await api.createFulfillment(shop.connection(), shipment({ carrier: null, trackingUrl: null, trackingNumbers: ['JJD0001', 'JJD0002'] }));
    const items = shop.trackingItems(727);
    expect(items).toEqual([
      { tracking_provider: '', custom_tracking_provider: 'Other', custom_tracking_link: '', tracking_number: 'JJD0001', date_shipped: String(NOW / 1000), tracking_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
      { tracking_provider: '', custom_tracking_provider: 'Other', custom_tracking_link: '', tracking_number: 'JJD0002', date_shipped: String(NOW / 1000), tracking_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    // The extension, installed later, shows the same items.
    shop.setShipmentTracking(true);
    const listed = await createWooRest()(shop.connection(), { operation: 'list', method: 'GET', route: 'wc-shipment-tracking/v3/orders/727/shipment-trackings' });
    expect(listed.ok && listed.value.body).toEqual([
      expect.objectContaining({ tracking_number: 'JJD0001', tracking_provider: 'Other', date_shipped: '2026-11-20' }),
      expect.objectContaining({ tracking_number: 'JJD0002', tracking_provider: 'Other', date_shipped: '2026-11-20' }),
    ]);
  });

  it('records a shipment without tracking numbers', async () => {
    const shop = await site(false);
    expect(await api.createFulfillment(shop.connection(), shipment({ trackingNumbers: [], trackingUrl: null, carrier: null }))).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.trackingItems(727)).toHaveLength(0);
    expect(shop.order(727)?.status).toBe('completed');
  });
});
