import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShopConnection } from '../contract.ts';
import { sampleOrderBody } from './fixtures/sample-order.ts';
import { buildWooCommercePing, signWooCommerceWebhook, wooCommerceJson } from './testing/sign-webhook.ts';
import { createWooCommerceConnector } from './woocommerce-connector.ts';

const SECRET = 'whsec-3b1f0c9e-pressline';
const connection: ShopConnection = {
  platform: 'woocommerce',
  siteUrl: 'https://Print.Example.com',
  consumerKey: 'ck_test',
  consumerSecret: 'cs_test',
  webhookSecret: SECRET,
};
const connector = createWooCommerceConnector();

function delivery(rawBody: string, headers: Record<string, string>): Request {
  return new Request('https://pressline.test/webhooks/woocommerce/shop-1', { method: 'POST', headers, body: rawBody });
}

function signed(rawBody: string, overrides: Partial<Parameters<typeof signWooCommerceWebhook>[0]> = {}) {
  return signWooCommerceWebhook({
    rawBody,
    secret: SECRET,
    topic: 'order.updated',
    siteUrl: 'https://print.example.com',
    webhookId: 12,
    now: new Date('2026-11-20T10:00:00Z'),
    ...overrides,
  });
}

async function verify(rawBody: string, headers: Record<string, string>, shop: ShopConnection | null = connection) {
  return connector.verifyDelivery(delivery(rawBody, headers), rawBody, shop);
}

const withOrder = (changes: Record<string, unknown>) => wooCommerceJson({ ...(JSON.parse(sampleOrderBody) as object), ...changes });

describe('WooCommerce verifyDelivery', () => {
  it('accepts the sample order signed with the webhook secret', async () => {
    const result = await verify(sampleOrderBody, signed(sampleOrderBody));
    expect(result).toEqual({
      ok: true,
      delivery: {
        platform: 'woocommerce',
        shopDomain: 'print.example.com',
        topic: 'order.updated',
        deliveryKey: 'order:727:2017-03-22T19:28:08.000Z:processing',
        eventId: null,
        triggeredAt: null,
        apiVersion: null,
      },
    });
  });

  it('accepts header names in any case', async () => {
    const headers = Object.fromEntries(Object.entries(signed(sampleOrderBody)).map(([k, v], i) => [i % 2 ? k.toLowerCase() : k.toUpperCase(), v]));
    expect((await verify(sampleOrderBody, headers)).ok).toBe(true);
  });

  it('rejects a forged body', async () => {
    const forged = sampleOrderBody.replace('"total": "29.35"', '"total": "0.35"');
    expect(forged).not.toBe(sampleOrderBody);
    expect(await verify(forged, signed(sampleOrderBody))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('rejects a body signed with another secret', async () => {
    expect(await verify(sampleOrderBody, signed(sampleOrderBody, { secret: 'another-shops-secret' }))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not base64 of the right length', 'abc'],
  ])('rejects a signature that is %s', async (_case, value) => {
    const headers = signed(sampleOrderBody);
    delete headers['X-WC-Webhook-Signature'];
    if (value !== undefined) headers['X-WC-Webhook-Signature'] = value;
    expect(await verify(sampleOrderBody, headers)).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('rejects every delivery when the shop has no WooCommerce connection', async () => {
    expect(await verify(sampleOrderBody, signed(sampleOrderBody), null)).toMatchObject({ ok: false, reason: 'invalid_signature' });
    const shopify: ShopConnection = { platform: 'shopify', shopDomain: 'x.myshopify.com', accessToken: 'shpat' };
    expect(await verify(sampleOrderBody, signed(sampleOrderBody), shopify)).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('asks for the topic once the signature holds', async () => {
    const headers = signed(sampleOrderBody);
    delete headers['X-WC-Webhook-Topic'];
    expect(await verify(sampleOrderBody, headers)).toMatchObject({ ok: false, reason: 'missing_headers' });
  });

  it('rejects any single-byte change of a signed body (property)', async () => {
    const body = wooCommerceJson({ id: 728, status: 'processing', date_modified_gmt: '2026-11-20T09:59:58', line_items: [] });
    const headers = signed(body);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: body.length - 1 }), fc.integer({ min: 1, max: 94 }), async (index, shift) => {
        const code = body.charCodeAt(index);
        const changed = String.fromCharCode(32 + ((code - 32 + shift) % 95));
        const tampered = body.slice(0, index) + changed + body.slice(index + 1);
        const result = await verify(tampered, headers);
        expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
      }),
      { numRuns: 300 },
    );
  });

  it('names the shop by the host of X-WC-Webhook-Source, else of the site URL', async () => {
    const fromSource = await verify(sampleOrderBody, signed(sampleOrderBody, { siteUrl: 'http://127.0.0.1:8080/' }));
    expect(fromSource.ok && fromSource.delivery.shopDomain).toBe('127.0.0.1:8080');
    const headers = signed(sampleOrderBody);
    delete headers['X-WC-Webhook-Source'];
    const fromConnection = await verify(sampleOrderBody, headers);
    expect(fromConnection.ok && fromConnection.delivery.shopDomain).toBe('print.example.com');
  });
});

describe('WooCommerce creation ping', () => {
  it('verifies the unsigned webhook_id form post as topic "ping"', async () => {
    const ping = buildWooCommercePing(12);
    const result = await verify(ping.rawBody, ping.headers);
    expect(result).toEqual({
      ok: true,
      delivery: { platform: 'woocommerce', shopDomain: 'print.example.com', topic: 'ping', deliveryKey: 'ping:12', eventId: null, triggeredAt: null, apiVersion: null },
    });
    expect(connector.topicKind('ping')).toBe('ping');
  });

  it.each([
    ['an order body', sampleOrderBody, {}],
    ['a ping body with more fields', 'webhook_id=12&status=active', {}],
    ['a ping body with a trailing newline', 'webhook_id=12\n', {}],
    ['a ping body sent with a topic header', 'webhook_id=12', { 'X-WC-Webhook-Topic': 'order.created' }],
  ])('does not let %s pass unsigned as a ping', async (_case, rawBody, extra) => {
    const result = await verify(rawBody, { 'Content-Type': 'application/x-www-form-urlencoded', ...extra });
    expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('accepts a ping that a proxy signed', async () => {
    const headers = signed('webhook_id=12');
    delete headers['X-WC-Webhook-Topic'];
    const result = await verify('webhook_id=12', headers);
    expect(result.ok && result.delivery.topic).toBe('ping');
  });
});

describe('WooCommerce delivery keys', () => {
  const keyOf = async (rawBody: string, overrides: Partial<Parameters<typeof signWooCommerceWebhook>[0]> = {}) => {
    const result = await verify(rawBody, signed(rawBody, overrides));
    if (!result.ok) throw new Error(result.message);
    return result.delivery.deliveryKey;
  };

  it('is the same for a re-delivery of the same order state, whatever the delivery id', async () => {
    const first = await keyOf(sampleOrderBody, { deliveryId: 'a'.repeat(32) });
    const again = await keyOf(sampleOrderBody, { deliveryId: 'b'.repeat(32), topic: 'order.created', webhookId: 13 });
    expect(again).toBe(first);
  });

  it('differs once the order is modified or changes status', async () => {
    const original = await keyOf(sampleOrderBody);
    const modified = await keyOf(withOrder({ date_modified_gmt: '2017-03-22T19:30:00' }));
    const completed = await keyOf(withOrder({ status: 'completed' }));
    expect(new Set([original, modified, completed]).size).toBe(3);
  });

  it('does not trust X-WC-Webhook-Delivery-ID: two different states in one second still differ', async () => {
    const sameSecond = { deliveryId: 'c'.repeat(32) };
    expect(await keyOf(sampleOrderBody, sameSecond)).not.toBe(await keyOf(withOrder({ status: 'completed' }), sameSecond));
  });

  it('keys order.deleted, which sends only the id, per delivery', async () => {
    const body = '{"id":727}';
    const first = await keyOf(body, { topic: 'order.deleted', deliveryId: 'd'.repeat(32) });
    expect(first).toBe(`order:727:deleted:${'d'.repeat(32)}`);
    expect(await keyOf(body, { topic: 'order.deleted', deliveryId: 'e'.repeat(32) })).not.toBe(first);
  });

  it('keys action topics by hook, order and delivery', async () => {
    const body = '{"action":"woocommerce_payment_complete","arg":727}';
    expect(await keyOf(body, { topic: 'action.woocommerce_payment_complete', deliveryId: 'f'.repeat(32) })).toBe(
      `action:woocommerce_payment_complete:727:${'f'.repeat(32)}`,
    );
    expect(connector.parseOrderReference(body)).toEqual({ ok: true, value: { externalId: '727' } });
  });
});

describe('WooCommerce topics', () => {
  it.each([
    ['order.created', 'order'],
    ['order.updated', 'order'],
    ['order.deleted', 'order'],
    ['order.restored', 'order'],
    ['action.woocommerce_payment_complete', 'order'],
    ['action.woocommerce_order_status_processing', 'order'],
    ['action.woocommerce_order_status_on-hold', 'order'],
    ['ping', 'ping'],
    ['product.updated', 'ignored'],
    ['customer.created', 'ignored'],
    ['action.woocommerce_new_customer_note', 'ignored'],
  ])('%s → %s', (topic, kind) => {
    expect(connector.topicKind(topic)).toBe(kind);
  });
});
