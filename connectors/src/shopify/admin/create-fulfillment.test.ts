import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FulfillmentRequest } from '../../contract.ts';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';

let shop: FakeShopHarness;
beforeEach(async () => {
  shop = await startFakeShop();
  shop.fake.seedOrder({
    id: '820982911946154508',
    name: '#1001',
    lines: [
      { id: '466157049', title: 'Business cards', quantity: 500 },
      { id: '518995019', title: 'Banner', quantity: 2 },
      { id: '703073504', title: 'Design service', quantity: 1, requiresShipping: false },
    ],
  });
});
afterEach(() => shop.close());

const ORDER = '820982911946154508';

function request(overrides: Partial<FulfillmentRequest> = {}): FulfillmentRequest {
  return {
    orderExternalId: ORDER,
    lines: [{ lineExternalId: '466157049', quantity: 200 }],
    carrier: 'UPS',
    trackingNumbers: ['1Z999AA10123456784'],
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    notifyCustomer: true,
    idempotencyKey: 'outbox-1',
    ...overrides,
  };
}

describe('createFulfillment', () => {
  it('fulfils part of a line with its tracking', async () => {
    const result = await shop.api.createFulfillment(shop.connection, request());

    expect(result).toMatchObject({ ok: true, value: { created: true, fulfillmentExternalId: expect.stringMatching(/^\d+$/) } });
    const [fulfillment, ...others] = shop.fake.fulfillments(ORDER);
    expect(others).toHaveLength(0);
    expect(fulfillment).toMatchObject({
      id: result.ok ? result.value.fulfillmentExternalId : '',
      notifyCustomer: true,
      lines: [{ lineItemId: '466157049', quantity: 200 }],
      tracking: [{ company: 'UPS', number: '1Z999AA10123456784', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }],
    });
    const [fo] = shop.fake.fulfillmentOrders(ORDER);
    expect(fo!.status).toBe('IN_PROGRESS');
    expect(fo!.lines.map((l) => [l.lineItemId, l.remainingQuantity])).toEqual([
      ['466157049', 300],
      ['518995019', 2],
    ]);
  });

  it('fulfils the rest under a second key, then closes the fulfillment order', async () => {
    await shop.api.createFulfillment(shop.connection, request());
    const rest = await shop.api.createFulfillment(
      shop.connection,
      request({
        idempotencyKey: 'outbox-2',
        lines: [{ lineExternalId: '466157049', quantity: 300 }, { lineExternalId: '518995019', quantity: 2 }],
        trackingNumbers: [],
        trackingUrl: null,
        carrier: null,
      }),
    );

    expect(rest).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.fake.fulfillments(ORDER)).toHaveLength(2);
    expect(shop.fake.fulfillments(ORDER)[1]!.tracking).toEqual([]);
    expect(shop.fake.fulfillmentOrders(ORDER)[0]!.status).toBe('CLOSED');
  });

  it('refuses more than is open, and writes nothing', async () => {
    const result = await shop.api.createFulfillment(shop.connection, request({ lines: [{ lineExternalId: '518995019', quantity: 3 }] }));

    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('only 2 open') });
    expect(shop.fake.fulfillments(ORDER)).toHaveLength(0);
    expect(shop.fake.requests.some((r) => r.operation === 'mutation')).toBe(false);
  });

  it('refuses a line that ships nothing', async () => {
    const result = await shop.api.createFulfillment(shop.connection, request({ lines: [{ lineExternalId: '703073504', quantity: 1 }] }));
    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('nothing open') });
  });

  it('returns the same fulfillment for a repeated key', async () => {
    const first = await shop.api.createFulfillment(shop.connection, request());
    const again = await shop.api.createFulfillment(shop.connection, request());

    expect(again).toEqual({ ok: true, value: { fulfillmentExternalId: first.ok ? first.value.fulfillmentExternalId : '', created: false } });
    expect(shop.fake.fulfillments(ORDER)).toHaveLength(1);
  });

  it.each([
    ['a 500 after applying', { status: 500, afterApplying: true }],
    ['a dropped connection after applying', { status: 'network', afterApplying: true }],
  ] as const)('creates exactly one fulfillment when the create answered %s', async (_, failure) => {
    shop.fake.failNext('fulfillmentCreate', failure);

    const lost = await shop.api.createFulfillment(shop.connection, request());
    const retried = await shop.api.createFulfillment(shop.connection, request());
    const retriedAgain = await shop.api.createFulfillment(shop.connection, request());

    expect(lost).toMatchObject({ ok: false, reason: 'unavailable' });
    const [only, ...others] = shop.fake.fulfillments(ORDER);
    expect(others).toHaveLength(0);
    expect(retried).toEqual({ ok: true, value: { fulfillmentExternalId: only!.id, created: false } });
    expect(retriedAgain).toEqual(retried);
    expect(shop.fake.fulfillmentOrders(ORDER)[0]!.lines[0]!.remainingQuantity).toBe(300);
  });

  it('creates exactly one fulfillment when writing the pending key lost its response', async () => {
    shop.fake.failNext('metafieldsSet', { status: 500, afterApplying: true });

    const lost = await shop.api.createFulfillment(shop.connection, request());
    const retried = await shop.api.createFulfillment(shop.connection, request());

    expect(lost).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(retried).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.fake.fulfillments(ORDER)).toHaveLength(1);
  });

  it('finds its fulfillment again when recording its id failed', async () => {
    // The first metafieldsSet (the pending key) passes; the second (the id) fails.
    shop.fake.failNext('metafieldsSet', { status: 500, skip: 1 });

    const first = await shop.api.createFulfillment(shop.connection, request());
    const retried = await shop.api.createFulfillment(shop.connection, request());

    const [only, ...others] = shop.fake.fulfillments(ORDER);
    expect(others).toHaveLength(0);
    expect(first).toEqual({ ok: true, value: { fulfillmentExternalId: only!.id, created: true } });
    expect(retried).toEqual({ ok: true, value: { fulfillmentExternalId: only!.id, created: false } });
  });

  it('creates the fulfillment on retry when the failed create was never applied', async () => {
    shop.fake.failNext('fulfillmentCreate', { status: 503 });

    const failed = await shop.api.createFulfillment(shop.connection, request());
    const retried = await shop.api.createFulfillment(shop.connection, request());

    expect(failed).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(retried).toMatchObject({ ok: true, value: { created: true } });
    expect(shop.fake.fulfillments(ORDER)).toHaveLength(1);
  });

  it('does not mistake an identical shipment under another key for its own', async () => {
    // Key A's create is lost; key B then ships the same lines; A's retry must not take B's.
    shop.fake.failNext('fulfillmentCreate', { status: 500 });
    await shop.api.createFulfillment(shop.connection, request({ idempotencyKey: 'A', trackingNumbers: [], trackingUrl: null }));
    const b = await shop.api.createFulfillment(shop.connection, request({ idempotencyKey: 'B', trackingNumbers: [], trackingUrl: null }));
    const a = await shop.api.createFulfillment(shop.connection, request({ idempotencyKey: 'A', trackingNumbers: [], trackingUrl: null }));

    expect(b).toMatchObject({ ok: true, value: { created: true } });
    expect(a).toMatchObject({ ok: true, value: { created: true } });
    expect(a.ok && b.ok && a.value.fulfillmentExternalId).not.toBe(b.ok && b.value.fulfillmentExternalId);
    expect(shop.fake.fulfillments(ORDER)).toHaveLength(2);
  });

  it('passes on Shopify’s userErrors as rejected', async () => {
    shop.fake.seedOrder({
      id: '1002',
      name: '#1002',
      lines: [
        { id: '11', title: 'Mug', quantity: 1 },
        { id: '12', title: 'Poster', quantity: 1 },
      ],
      // Two locations: Shopify cannot put both in one fulfillment.
      fulfillmentOrders: [['11'], ['12']],
    });

    const result = await shop.api.createFulfillment(
      shop.connection,
      request({ orderExternalId: '1002', lines: [{ lineExternalId: '11', quantity: 1 }, { lineExternalId: '12', quantity: 1 }] }),
    );

    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('same location') });
    expect(shop.fake.fulfillments('1002')).toHaveLength(0);
  });

  it('answers not_found for an unknown order', async () => {
    expect(await shop.api.createFulfillment(shop.connection, request({ orderExternalId: '404' }))).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
