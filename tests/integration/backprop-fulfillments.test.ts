import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestShop, importOrder, moveJob, outboxOf, quiet, recordShipmentVia, settled, TO_READY } from '../support/backprop-flow.ts';
import { startOdooPlatform, startShopifyPlatform, startWooCommercePlatform, type BackpropPlatform } from '../support/backprop-platforms.ts';
import { errorCodes } from '../support/orders.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const platforms: [string, () => Promise<BackpropPlatform>][] = [
  ['Shopify', startShopifyPlatform],
  ['WooCommerce', startWooCommercePlatform],
  ['Odoo 17 (XML-RPC)', () => startOdooPlatform(17)],
  ['Odoo 19 (JSON-2)', () => startOdooPlatform(19)],
];

describe.each(platforms)('back-propagation to %s', (_name, start) => {
  let platform: BackpropPlatform;
  let app: TestApp;
  let server: ReturnType<typeof setupServer>;
  let shop: { shopId: string; apiKey: string };

  beforeAll(async () => {
    platform = await start();
    server = setupServer(...platform.handlers);
    server.listen({ onUnhandledFrame: 'bypass' }); // the test also calls its own API on loopback
    app = await startTestApp({
      platformApis: { [platform.platform]: platform.api },
      outboxPolicy: { baseDelayMs: 100, maxDelayMs: 1_000, callTimeoutMs: 1_500, maxAttempts: 6 },
    });
    shop = await connectTestShop(app, platform);
  });
  afterAll(async () => {
    await app?.close();
    server?.close();
  });

  async function readyOrder() {
    const seeded = await platform.seedOrder();
    const order = await importOrder(app, shop.shopId, platform, seeded.externalId, seeded.lineExternalIds);
    for (const jobId of order.jobIds) await moveJob(app, shop.shopId, jobId, TO_READY);
    // The status pushes of those moves are out, so an injected failure meets the fulfillment.
    const pushed = await quiet(app, shop.shopId, order.orderId);
    expect(pushed.filter((row) => row.kind === 'push_status' && row.status === 'sent').length).toBeGreaterThan(0);
    return { ...seeded, ...order };
  }

  it('completing a two-line order shipped in two parts creates exactly two fulfillments with their lines and tracking', { timeout: 60_000 }, async () => {
    const order = await readyOrder();
    const [cards, poster] = order.lineIds as [string, string];

    const tooMany = await recordShipmentVia(app, shop.apiKey, { orderId: order.orderId, carrier: 'UPS', trackingNumbers: ['X'], lines: [{ orderLineId: cards, quantity: 3 }] });
    expect(errorCodes(tooMany)).toEqual(['BAD_REQUEST']);
    expect(tooMany.errors?.[0]?.message).toContain('Business cards');

    const first = await recordShipmentVia(app, shop.apiKey, {
      orderId: order.orderId, carrier: 'UPS', trackingNumbers: ['1ZCARDS001', '1ZCARDS002'], trackingUrl: 'https://track.example/ups', lines: [{ orderLineId: cards, quantity: 2 }],
    });
    expect(first.errors).toBeUndefined();
    // The poster's job cannot ship before its units have.
    await expect(moveJob(app, shop.shopId, order.jobIds[1]!, ['shipped'])).rejects.toThrow(/not shipped yet/);
    const second = await recordShipmentVia(app, shop.apiKey, { orderId: order.orderId, carrier: 'DHL', trackingNumbers: ['JD0POSTER'], lines: [{ orderLineId: poster, quantity: 1 }] });
    expect(second.errors).toBeUndefined();
    for (const jobId of order.jobIds) await moveJob(app, shop.shopId, jobId, ['shipped']);

    const effects = await settled(app, shop.shopId, order.orderId, 'create_fulfillment', 2);
    expect(effects.map((effect) => effect.status)).toEqual(['sent', 'sent']);
    const fulfillments = platform.fulfillments(order.externalId);
    expect(fulfillments).toHaveLength(2);
    const [cardsLine, posterLine] = order.lineExternalIds as [string, string];
    const forCards = fulfillments.find((fulfillment) => fulfillment.lines.some((line) => line.lineExternalId === cardsLine));
    const forPoster = fulfillments.find((fulfillment) => fulfillment.lines.some((line) => line.lineExternalId === posterLine));
    expect(forCards?.lines).toEqual([{ lineExternalId: cardsLine, quantity: 2 }]);
    expect(forPoster?.lines).toEqual([{ lineExternalId: posterLine, quantity: 1 }]);
    expect(forCards?.trackingText).toContain('1ZCARDS001');
    expect(forCards?.trackingText).toContain('1ZCARDS002');
    expect(forPoster?.trackingText).toContain('JD0POSTER');

    const status = await app.graphql<{ order: { customerStatus: { status: string; partiallyShipped: boolean } } }>(
      shop.apiKey,
      `query ($id: ID!) { order(id: $id) { customerStatus { status partiallyShipped } } }`,
      { id: order.orderId },
    );
    expect(status.data?.order.customerStatus).toEqual({ status: 'shipped', partiallyShipped: false });
  });

  it('merges tracking numbers recorded again for the same shipment, never dropping one, and still holds one fulfillment', { timeout: 60_000 }, async () => {
    const order = await readyOrder();
    const lines = order.lineIds.map((id, i) => ({ orderLineId: id, quantity: i === 0 ? 2 : 1 }));
    const first = await recordShipmentVia(app, shop.apiKey, { orderId: order.orderId, reference: 'BOX-1', carrier: 'UPS', trackingNumbers: ['1ZFIRST'], lines });
    expect(first.errors).toBeUndefined();
    await settled(app, shop.shopId, order.orderId, 'create_fulfillment', 1);
    const again = await recordShipmentVia(app, shop.apiKey, { orderId: order.orderId, reference: 'BOX-1', trackingNumbers: ['1ZSECOND'], lines: [] });
    expect(again.data?.recordShipment).toMatchObject({ id: first.data?.recordShipment.id, trackingNumbers: ['1ZFIRST', '1ZSECOND'] });
    const [update] = await settled(app, shop.shopId, order.orderId, 'update_tracking', 1);
    const fulfillments = platform.fulfillments(order.externalId);
    expect(fulfillments).toHaveLength(1);
    expect(update?.status).toBe('sent');
    if (platform.api.updateTracking) {
      expect(fulfillments[0]?.trackingText).toContain('1ZFIRST');
      expect(fulfillments[0]?.trackingText).toContain('1ZSECOND');
    }
    // Platforms that cannot change a shipment's tracking get a customer-visible note with it instead.
  });

  const failures: [string, (p: BackpropPlatform, externalId: string) => void][] = [
    ['a 500 after the platform applied it', (p, id) => p.failNextFulfillmentAfterApplying(id)],
    ['a timeout while the platform applied it', (p) => p.slowNextFulfillment(3_000)],
    ['a throttled call', (p, id) => p.throttleNextFulfillment(id, 1)],
  ];

  it.each(failures)('%s still ends in exactly one fulfillment', { timeout: 60_000 }, async (what, inject) => {
    const order = await readyOrder();
    inject(platform, order.externalId);
    const shipped = await recordShipmentVia(app, shop.apiKey, {
      orderId: order.orderId, carrier: 'UPS', trackingNumbers: ['1ZONE'], lines: order.lineIds.map((id, i) => ({ orderLineId: id, quantity: i === 0 ? 2 : 1 })),
    });
    expect(shipped.errors).toBeUndefined();
    const [effect] = await settled(app, shop.shopId, order.orderId, 'create_fulfillment', 1);
    expect(effect?.status).toBe('sent');
    expect(platform.fulfillments(order.externalId)).toHaveLength(1);
    if (what === 'a throttled call') {
      // Waiting out a rate limit spends no attempt, but it did wait.
      expect(effect?.attempts).toBe(1);
      expect(effect?.last_error).toMatch(/throttl|429|rate|too many/i);
    } else {
      expect(effect?.attempts).toBeGreaterThanOrEqual(2); // the failure really happened and was retried
    }
    const all = await outboxOf(app, shop.shopId, order.orderId);
    expect(all.filter((row) => row.status === 'failed')).toEqual([]);
  });
});
