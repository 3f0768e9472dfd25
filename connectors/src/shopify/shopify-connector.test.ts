import { describe, expect, it } from 'vitest';
import { createShopifyConnector } from './shopify-connector.ts';
import { buildShopifyOrderPayload } from './simulator/build-order-payload.ts';
import { signShopifyWebhook } from './simulator/sign-webhook.ts';

describe('Shopify connector', () => {
  it('verifies and normalises an order the simulated storefront sends', async () => {
    const connector = createShopifyConnector({ apiKey: 'key', apiSecretKey: 'secret', hostName: 'pressline.test' });
    const rawBody = buildShopifyOrderPayload({
      id: '9223372036854775807',
      name: '#1001',
      lines: [{ id: '9223372036854775806', title: 'Stickers', quantity: 100, price: '0.35' }],
    });
    const headers = signShopifyWebhook({
      rawBody,
      secret: 'secret',
      topic: 'orders/create',
      shopDomain: 'demo.myshopify.com',
      webhookId: 'wh-42',
    });
    const request = new Request('http://localhost:8787/webhooks/shopify', { method: 'POST', headers, body: rawBody });

    const verified = await connector.verifyDelivery(request, await request.clone().text());
    expect(verified).toMatchObject({ ok: true, delivery: { shopDomain: 'demo.myshopify.com', deliveryKey: 'wh-42', eventId: null } });
    expect(connector.parseOrder(rawBody)).toMatchObject({
      ok: true,
      value: { platform: 'shopify', externalId: '9223372036854775807', totalMinor: 3500, lines: [{ externalId: '9223372036854775806' }] },
    });
  });
});
