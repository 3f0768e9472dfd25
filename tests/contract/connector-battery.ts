import type { ConnectorResult, StorefrontOrder, VerifyResult } from '@pressline/connectors';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorHarness, SeedLine, SignedDelivery } from './connector-harness.ts';

// One battery every connector runs (as shopify-app-js runs one battery over every session
// storage): the same assertions against each platform's stand-in, so a connector that
// drifts from the contract fails here whatever its own tests say.

const LINES: readonly SeedLine[] = [
  { title: 'Business cards', quantity: 250, unitPriceMinor: 9 },
  { title: 'Die-cut stickers', quantity: 3, unitPriceMinor: 1250 },
];
const MINUTE = 60_000;
const INVALID = { ok: false, reason: 'invalid_signature', message: expect.any(String) };

/** Registers the battery; `start` builds a fresh harness (stand-in, adapter, clock) for each test. */
export function connectorBattery(start: () => Promise<ConnectorHarness>): void {
  let h: ConnectorHarness;
  beforeEach(async () => {
    h = await start();
  });

  const verify = (delivery: SignedDelivery): Promise<VerifyResult> =>
    h.connector.verifyDelivery(delivery.request.clone(), delivery.rawBody, h.connection);

  const deliveryKeyOf = async (delivery: SignedDelivery): Promise<string> => {
    const verified = await verify(delivery);
    if (!verified.ok) throw new Error(`the delivery did not verify: ${verified.message}`);
    return verified.delivery.deliveryKey;
  };

  /** The order as the intake gets it: from the payload, or read back when the payload is only a notice. */
  const orderFromDelivery = async (delivery: SignedDelivery): Promise<ConnectorResult<StorefrontOrder>> => {
    const reference = h.connector.parseOrderReference(delivery.rawBody);
    if (!reference.ok) throw new Error(`no order reference: ${reference.message}`);
    if (h.connector.rereadsOrders) return h.api.fetchOrder(h.connection, reference.value.externalId);
    const parsed = h.connector.parseOrder(delivery.rawBody);
    return parsed.ok ? parsed : { ok: false, reason: 'rejected', message: parsed.message };
  };

  const fetched = async (orderExternalId: string): Promise<StorefrontOrder> => {
    const result = await h.api.fetchOrder(h.connection, orderExternalId);
    if (!result.ok) throw new Error(`fetchOrder failed: ${result.reason}: ${result.message}`);
    return result.value;
  };

  const expectSeededOrder = (order: StorefrontOrder, orderExternalId: string) => {
    expect(order.platform).toBe(h.platform);
    expect(order.externalId).toBe(orderExternalId);
    expect(order.currency).toBe('USD');
    expect(order.lines.map(({ title, quantity, unitPriceMinor }) => ({ title, quantity, unitPriceMinor }))).toEqual([...LINES]);
    expect(order.lines.map((line) => line.externalId)).toEqual(h.lineIdsOf(orderExternalId));
    for (const line of order.lines) {
      expect(line.externalId).toMatch(/^\S+$/);
      expect(Number.isSafeInteger(line.unitPriceMinor)).toBe(true);
      if (line.productExternalId !== null) expect(typeof line.productExternalId).toBe('string');
      if (line.variantExternalId !== null) expect(typeof line.variantExternalId).toBe('string');
    }
    expect(Number.isSafeInteger(order.totalMinor)).toBe(true);
    expect(order.totalMinor).toBe(LINES.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0));
  };

  describe('verifyDelivery', () => {
    it('verifies a signed delivery as an order delivery of this platform with a delivery key', async () => {
      const id = h.seedPaidOrder(LINES);

      const verified = await verify(h.signedDelivery(id));

      expect(verified).toMatchObject({ ok: true, delivery: { platform: h.platform, deliveryKey: expect.stringMatching(/\S/) } });
      if (verified.ok) expect(h.connector.topicKind(verified.delivery.topic)).toBe('order');
    });

    it('gives one delivery the same key each time it is verified or sent again', async () => {
      const id = h.seedPaidOrder(LINES);
      const delivery = h.signedDelivery(id);

      const first = await deliveryKeyOf(delivery);
      expect(await deliveryKeyOf(delivery)).toBe(first);
      h.advance(5_000);
      expect(await deliveryKeyOf(h.signedDelivery(id))).toBe(first);
    });

    it('gives a later change of the order a key of its own', async () => {
      const id = h.seedPaidOrder(LINES);
      const before = await deliveryKeyOf(h.signedDelivery(id));
      h.advance(MINUTE);
      h.touch(id);

      expect(await deliveryKeyOf(h.signedDelivery(id))).not.toBe(before);
    });

    it('refuses a delivery signed with another secret, without throwing', async () => {
      const id = h.seedPaidOrder(LINES);
      await expect(verify(h.signedDelivery(id, { secret: 'not-the-shop-secret' }))).resolves.toEqual(INVALID);
    });

    it('refuses a delivery without its signature header, without throwing', async () => {
      const id = h.seedPaidOrder(LINES);
      const { request, rawBody } = h.signedDelivery(id);
      const headers = new Headers(request.headers);
      headers.delete(h.signatureHeader);

      await expect(verify({ request: new Request(request.url, { method: 'POST', headers, body: rawBody }), rawBody })).resolves.toEqual(INVALID);
    });

    // Registered for every connector; what it asserts depends on what the signature covers.
    it('refuses a body changed by one byte, or trusts an unsigned body only to name the order', async () => {
      const id = h.seedPaidOrder(LINES);
      const { request, rawBody } = h.signedDelivery(id);
      const at = Math.floor(rawBody.length / 2);
      const tampered = `${rawBody.slice(0, at)}${rawBody[at] === '1' ? '2' : '1'}${rawBody.slice(at + 1)}`;

      if (h.bodyIsSigned) {
        await expect(verify({ request, rawBody: tampered })).resolves.toEqual(INVALID);
      } else {
        // Nothing in the body can be trusted, so the order must be read back from the platform.
        expect(h.connector.rereadsOrders).toBe(true);
      }
    });
  });

  describe('the order a delivery is about', () => {
    it('names the order by its external id', async () => {
      const id = h.seedPaidOrder(LINES);
      expect(h.connector.parseOrderReference(h.signedDelivery(id).rawBody)).toEqual({ ok: true, value: { externalId: id } });
    });

    it('yields the seeded lines and quantities, ids as strings and money as integer minor units', async () => {
      const id = h.seedPaidOrder(LINES);

      const order = await orderFromDelivery(h.signedDelivery(id));

      if (!order.ok) throw new Error(`${order.reason}: ${order.message}`);
      expectSeededOrder(order.value, id);
    });

    it('reads the same order back through fetchOrder', async () => {
      const id = h.seedPaidOrder(LINES);
      expectSeededOrder(await fetched(id), id);
    });
  });

  describe('listChangedOrders', () => {
    it('lists every order changed since a time, once each across pages, though no delivery came', async () => {
      const ids = Array.from({ length: 6 }, () => h.seedPaidOrder(LINES));
      h.advance(MINUTE);
      const updatedSince = new Date(h.now()).toISOString();
      h.advance(MINUTE);
      const changed = [ids[4]!, ids[1]!, ids[5]!, ids[2]!];
      for (const id of changed) {
        h.touch(id);
        h.advance(1_000);
      }

      const listed: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await h.api.listChangedOrders(h.connection, { updatedSince, cursor, limit: 3 });
        if (!page.ok) throw new Error(`${page.reason}: ${page.message}`);
        listed.push(...page.value.orders.map((order) => order.externalId));
        cursor = page.value.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 20);

      expect(cursor).toBeNull();
      expect(pages).toBeGreaterThan(1);
      expect([...listed].sort()).toEqual([...changed].sort());
    });
  });

  describe('a throttled read', () => {
    it('is retried within the platform’s limits and succeeds', async () => {
      const id = h.seedPaidOrder(LINES);
      h.throttleNextRead(h.readRetryBudget);

      await expect(h.api.fetchOrder(h.connection, id)).resolves.toMatchObject({ ok: true, value: { externalId: id } });
      expect(h.waits()).toHaveLength(h.readRetryBudget);
      for (const wait of h.waits()) expect(wait).toBeGreaterThan(0);
    });

    it('past the retry budget answers throttled with a wait, never unavailable or a throw', async () => {
      const id = h.seedPaidOrder(LINES);
      h.throttleNextRead(h.readRetryBudget + 1);

      const result = await h.api.fetchOrder(h.connection, id);

      expect(result).toEqual({ ok: false, reason: 'throttled', retryAfterMs: expect.any(Number), message: expect.any(String) });
      if (!result.ok && result.reason === 'throttled') expect(result.retryAfterMs).toBeGreaterThan(0);
      expect(h.waits().length).toBeLessThanOrEqual(h.readRetryBudget);
      await expect(h.api.fetchOrder(h.connection, id)).resolves.toMatchObject({ ok: true });
    });
  });

  describe('createFulfillment', () => {
    it('holds one fulfillment when the platform applied it and the answer was lost, and the retry says so', async () => {
      const id = h.seedPaidOrder(LINES);
      const lineIds = h.lineIdsOf(id);
      const request = {
        orderExternalId: id,
        lines: LINES.map((line, index) => ({ lineExternalId: lineIds[index]!, quantity: line.quantity })),
        carrier: 'UPS',
        trackingNumbers: ['1Z999AA10123456784'],
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        notifyCustomer: false,
        idempotencyKey: 'contract-shipment-1',
      };
      h.failNextFulfillmentAfterApplying(id);

      const lost = await h.api.createFulfillment(h.connection, request);
      const retried = await h.api.createFulfillment(h.connection, request);
      const again = await h.api.createFulfillment(h.connection, request);

      expect(lost).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(h.fulfillmentsOf(id)).toBe(1);
      // The retry may learn only then that its shipment exists; by the next call it must know.
      expect(retried).toEqual({ ok: true, value: { fulfillmentExternalId: expect.stringMatching(/\S/), created: expect.any(Boolean) } });
      const fulfillmentExternalId = retried.ok ? retried.value.fulfillmentExternalId : '';
      expect(again).toEqual({ ok: true, value: { fulfillmentExternalId, created: false } });
    });
  });

  describe('pushStatus', () => {
    it('shows a status pushed twice once', async () => {
      const id = h.seedPaidOrder(LINES);
      const push = { orderExternalId: id, status: 'in_production', label: 'In production', idempotencyKey: 'contract-status-1' };

      expect(await h.api.pushStatus(h.connection, push)).toEqual({ ok: true, value: undefined });
      expect(await h.api.pushStatus(h.connection, push)).toEqual({ ok: true, value: undefined });

      expect(h.statusShownCount(id, push)).toBe(1);
    });
  });

  describe('buildReorder', () => {
    it('returns a URL and carries the original lines', async () => {
      const id = h.seedPaidOrder(LINES);

      const reorder = await h.api.buildReorder(h.connection, { order: await fetched(id) });

      if (!reorder.ok) throw new Error(`${reorder.reason}: ${reorder.message}`);
      expect(['http:', 'https:']).toContain(new URL(reorder.value.url).protocol);
      expect(await h.reorderedLines(reorder.value)).toEqual(LINES.map(({ title, quantity }) => ({ title, quantity })));
    });
  });
}
