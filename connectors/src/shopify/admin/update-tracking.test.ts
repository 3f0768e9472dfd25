import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackingUpdate } from '../../contract.ts';
import { startFakeShop, type FakeShopHarness } from './fake-shop-harness.ts';

const ORDER = '820982911946154508';

let shop: FakeShopHarness;
let fulfillmentId: string;

beforeEach(async () => {
  shop = await startFakeShop();
  shop.fake.seedOrder({ id: ORDER, name: '#1001', lines: [{ id: '466157049', title: 'Business cards', quantity: 500 }] });
  const created = await shop.api.createFulfillment(shop.connection, {
    orderExternalId: ORDER,
    lines: [{ lineExternalId: '466157049', quantity: 200 }],
    carrier: 'UPS',
    trackingNumbers: ['1Z999AA10123456784'],
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    notifyCustomer: false,
    idempotencyKey: 'outbox-1',
  });
  if (!created.ok) throw new Error(created.message);
  fulfillmentId = created.value.fulfillmentExternalId;
});
afterEach(() => shop.close());

function update(overrides: Partial<TrackingUpdate> = {}): TrackingUpdate {
  return {
    orderExternalId: ORDER,
    fulfillmentExternalId: fulfillmentId,
    carrier: 'DHL Express',
    trackingNumbers: ['JD014600006281230704'],
    trackingUrl: 'https://www.dhl.com/track?id=JD014600006281230704',
    notifyCustomer: true,
    ...overrides,
  };
}

function trackingMutations(): number {
  return shop.fake.requests.filter((r) => r.rootFields.includes('fulfillmentTrackingInfoUpdate')).length;
}

describe('updateTracking', () => {
  it('changes the tracking of a created fulfillment', async () => {
    const result = await shop.api.updateTracking!(shop.connection, update());

    expect(result).toEqual({ ok: true, value: undefined });
    const [fulfillment, ...others] = shop.fake.fulfillments(ORDER);
    expect(others).toHaveLength(0);
    expect(fulfillment).toMatchObject({
      id: fulfillmentId,
      notifyCustomer: true,
      tracking: [{ company: 'DHL Express', number: 'JD014600006281230704', url: 'https://www.dhl.com/track?id=JD014600006281230704' }],
    });
    expect(trackingMutations()).toBe(1);
  });

  it('sends one mutation for the same update twice', async () => {
    const first = await shop.api.updateTracking!(shop.connection, update());
    const second = await shop.api.updateTracking!(shop.connection, update());

    expect(first).toEqual({ ok: true, value: undefined });
    expect(second).toEqual({ ok: true, value: undefined });
    expect(trackingMutations()).toBe(1);
  });

  it('sends nothing when the fulfillment already carries that tracking', async () => {
    const result = await shop.api.updateTracking!(
      shop.connection,
      update({ carrier: 'UPS', trackingNumbers: ['1Z999AA10123456784'], trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }),
    );

    expect(result).toEqual({ ok: true, value: undefined });
    expect(trackingMutations()).toBe(0);
  });

  it('accepts the fulfillment gid as well as its legacy id', async () => {
    const result = await shop.api.updateTracking!(shop.connection, update({ fulfillmentExternalId: `gid://shopify/Fulfillment/${fulfillmentId}` }));

    expect(result).toEqual({ ok: true, value: undefined });
    expect(shop.fake.fulfillments(ORDER)[0]!.tracking[0]!.number).toBe('JD014600006281230704');
  });

  it('answers not_found for an unknown fulfillment, and sends no mutation', async () => {
    const result = await shop.api.updateTracking!(shop.connection, update({ fulfillmentExternalId: '404' }));

    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
    expect(trackingMutations()).toBe(0);
  });

  it('answers not_found for a fulfillment of another order', async () => {
    const result = await shop.api.updateTracking!(shop.connection, update({ orderExternalId: '1002' }));

    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
    expect(trackingMutations()).toBe(0);
  });

  it('passes on Shopify’s userErrors as rejected', async () => {
    shop.fake.fulfillments(ORDER)[0]!.status = 'CANCELLED';

    const result = await shop.api.updateTracking!(shop.connection, update());

    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('cancelled') });
  });

  it('changes the tracking once when the mutation answered a 500 after applying', async () => {
    shop.fake.failNext('fulfillmentTrackingInfoUpdate', { status: 500, afterApplying: true });

    const lost = await shop.api.updateTracking!(shop.connection, update());
    const retried = await shop.api.updateTracking!(shop.connection, update());

    expect(lost).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(retried).toEqual({ ok: true, value: undefined });
    expect(trackingMutations()).toBe(1);
    expect(shop.fake.fulfillments(ORDER)[0]!.tracking).toEqual([
      { company: 'DHL Express', number: 'JD014600006281230704', url: 'https://www.dhl.com/track?id=JD014600006281230704' },
    ]);
  });

  it('applies the change on retry when the failed mutation was never applied', async () => {
    shop.fake.failNext('fulfillmentTrackingInfoUpdate', { status: 503 });

    const failed = await shop.api.updateTracking!(shop.connection, update());
    const retried = await shop.api.updateTracking!(shop.connection, update());

    expect(failed).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(retried).toEqual({ ok: true, value: undefined });
    expect(trackingMutations()).toBe(2);
    expect(shop.fake.fulfillments(ORDER)[0]!.tracking[0]!.company).toBe('DHL Express');
  });
});
