import { describe, expect, it } from 'vitest';
import type { ShopConnection } from '../contract.ts';
import { createOdooConnector } from './odoo-connector.ts';
import { buildOdooWebhook } from './testing/build-webhook.ts';

const connector = createOdooConnector();
const SECRET = 'pl_whsec_6f1d2c9a0b7e4d3c';
const connection: ShopConnection = {
  platform: 'odoo',
  url: 'https://Acme-Print.odoo.com/',
  database: 'acme-print',
  username: 'pressline@acme.test',
  apiKey: 'odoo-api-key',
  version: 17,
  webhookSecret: SECRET,
};

function delivered(webhook: { headers: Record<string, string>; body: string }) {
  const request = new Request('https://pressline.test/webhooks/odoo/shop-1', { method: 'POST', headers: webhook.headers, body: webhook.body });
  return connector.verifyDelivery(request, webhook.body, connection);
}

describe('Odoo verifyDelivery', () => {
  it('accepts a notification carrying the shop’s secret', async () => {
    const webhook = buildOdooWebhook({ orderId: 42, secret: SECRET, writeDate: '2026-03-02 09:15:00', name: 'S00042', state: 'sale' });
    expect(webhook.body).toBe(
      '{"_action": "Pressline: send confirmed order(#512)", "_id": 42, "_model": "sale.order", "id": 42, "name": "S00042", "state": "sale", "write_date": "2026-03-02 09:15:00"}',
    );
    expect(await delivered(webhook)).toEqual({
      ok: true,
      delivery: {
        platform: 'odoo',
        shopDomain: 'acme-print.odoo.com',
        topic: 'sale.order',
        deliveryKey: 'sale.order:42:2026-03-02T09:15:00.000Z',
        eventId: null,
        triggeredAt: '2026-03-02T09:15:00.000Z',
        apiVersion: '17',
      },
    });
  });

  it('refuses a forged secret', async () => {
    const webhook = buildOdooWebhook({ orderId: 42, secret: `${SECRET}x`, writeDate: '2026-03-02 09:15:00' });
    expect(await delivered(webhook)).toEqual({ ok: false, reason: 'invalid_signature', message: "the X-Pressline-Webhook-Secret header does not match the shop's webhook secret" });
    const other = buildOdooWebhook({ orderId: 42, secret: 'another-shops-secret', writeDate: '2026-03-02 09:15:00' });
    expect(await delivered(other)).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses a notification without the secret, as Odoo’s own webhook action sends it', async () => {
    const webhook = buildOdooWebhook({ orderId: 42, secret: null, writeDate: '2026-03-02 09:15:00' });
    expect(await delivered(webhook)).toEqual({ ok: false, reason: 'invalid_signature', message: 'the X-Pressline-Webhook-Secret header is missing' });
  });

  it('refuses a delivery for a shop that is not an Odoo shop', async () => {
    const webhook = buildOdooWebhook({ orderId: 42, secret: SECRET, writeDate: false });
    const request = new Request('https://pressline.test/webhooks/odoo/x', { method: 'POST', headers: webhook.headers, body: webhook.body });
    expect(await connector.verifyDelivery(request, webhook.body, null)).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(await connector.verifyDelivery(request, webhook.body, { platform: 'shopify', shopDomain: 'x.myshopify.com', accessToken: 't' })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
  });

  it('keys a notification without write_date by its body', async () => {
    const webhook = buildOdooWebhook({ orderId: 42, secret: SECRET, writeDate: false });
    const result = await delivered(webhook);
    expect(result.ok && result.delivery.deliveryKey).toMatch(/^sale\.order:42:sha256-[0-9a-f]{64}$/);
    expect(result.ok && result.delivery.triggeredAt).toBeNull();
    expect(await delivered(webhook)).toEqual(result);
  });

  it('passes another model through as its topic, which the connector ignores', async () => {
    const webhook = buildOdooWebhook({ orderId: 7, secret: SECRET, writeDate: '2026-03-02 09:15:00', model: 'res.partner' });
    const result = await delivered(webhook);
    expect(result).toMatchObject({ ok: true, delivery: { topic: 'res.partner', deliveryKey: 'res.partner:7:2026-03-02T09:15:00.000Z' } });
    expect(connector.topicKind('res.partner')).toBe('ignored');
    expect(connector.parseOrderReference(webhook.body)).toEqual({ ok: false, reason: 'malformed_payload', message: 'the notification is about a res.partner record, not a sale.order' });
  });

  it('reads the addon’s test notification as a ping', async () => {
    const body = '{"_action": "Pressline: test from Settings", "_model": "pressline.ping", "sent_at": "2026-03-02 09:15:00"}';
    const result = await delivered({ headers: { 'X-Pressline-Webhook-Secret': SECRET }, body });
    expect(result).toMatchObject({ ok: true, delivery: { topic: 'pressline.ping' } });
    expect(connector.topicKind('pressline.ping')).toBe('ping');
  });

  it('says so when a body with the right secret is no Odoo notification', async () => {
    expect(await delivered({ headers: { 'X-Pressline-Webhook-Secret': SECRET }, body: 'hello' })).toEqual({ ok: false, reason: 'missing_headers', message: 'the body is not JSON' });
    expect(await delivered({ headers: { 'X-Pressline-Webhook-Secret': SECRET }, body: '{"id": 42}' })).toMatchObject({ ok: false, reason: 'missing_headers' });
  });
});

describe('Odoo parseOrderReference', () => {
  it('names the sale order of a notification', () => {
    const webhook = buildOdooWebhook({ orderId: 42, secret: SECRET, writeDate: '2026-03-02 09:15:00' });
    expect(connector.parseOrderReference(webhook.body)).toEqual({ ok: true, value: { externalId: '42' } });
    expect(connector.rereadsOrders).toBe(true);
    expect(connector.topicKind('sale.order')).toBe('order');
  });
});
