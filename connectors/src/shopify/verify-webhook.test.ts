import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleOrderBody } from './fixtures/sample-order.ts';
import { createShopifyConnector } from './shopify-connector.ts';
import { buildShopifyOrderPayload } from './simulator/build-order-payload.ts';
import { signShopifyWebhook } from './simulator/sign-webhook.ts';

const SECRET = 'shpss_test_secret';
const connector = createShopifyConnector({ apiKey: 'test-key', apiSecretKey: SECRET, hostName: 'pressline.test' });

const delivery = {
  secret: SECRET,
  topic: 'orders/create',
  shopDomain: 'JSmith.MyShopify.com',
  webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
  apiVersion: '2026-10',
  triggeredAt: '2026-11-23T16:00:00.123456789Z',
};

function webhookRequest(headers: Record<string, string>, body: string): Request {
  return new Request('https://pressline.test/webhooks/shopify', { method: 'POST', headers, body });
}

function signed(rawBody: string, overrides: Partial<typeof delivery> = {}) {
  return signShopifyWebhook({ rawBody, ...delivery, ...overrides });
}

function without(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name.toLowerCase()));
}

describe('Shopify verifyDelivery', () => {
  it('accepts the sample order signed with the app secret', async () => {
    const result = await connector.verifyDelivery(webhookRequest(signed(sampleOrderBody), sampleOrderBody), sampleOrderBody);
    expect(result).toEqual({
      ok: true,
      delivery: {
        platform: 'shopify',
        shopDomain: 'jsmith.myshopify.com',
        topic: 'orders/create',
        deliveryKey: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
        triggeredAt: '2026-11-23T16:00:00.123456789Z',
        apiVersion: '2026-10',
      },
    });
  });

  it('reports a missing event id as null', async () => {
    const headers = signShopifyWebhook({ ...delivery, eventId: undefined, rawBody: sampleOrderBody });
    expect(headers).not.toHaveProperty('X-Shopify-Event-Id');
    const result = await connector.verifyDelivery(webhookRequest(headers, sampleOrderBody), sampleOrderBody);
    expect(result.ok && result.delivery.eventId).toBeNull();
  });

  it('accepts header names in any case', async () => {
    const headers = signed(sampleOrderBody);
    const recased = Object.fromEntries(
      Object.entries(headers).map(([key, value], i) => [i % 2 ? key.toLowerCase() : key.toUpperCase(), value]),
    );
    const result = await connector.verifyDelivery(webhookRequest(recased, sampleOrderBody), sampleOrderBody);
    expect(result.ok).toBe(true);
  });

  it('rejects a body with one byte changed', async () => {
    const tampered = sampleOrderBody.replace('"total_price": "404.95"', '"total_price": "004.95"');
    expect(tampered).not.toBe(sampleOrderBody);
    const result = await connector.verifyDelivery(webhookRequest(signed(sampleOrderBody), tampered), tampered);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('rejects a body signed with another secret', async () => {
    const headers = signed(sampleOrderBody, { secret: 'someone-elses-secret' });
    const result = await connector.verifyDelivery(webhookRequest(headers, sampleOrderBody), sampleOrderBody);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['garbage', 'not-a-signature!!'],
    ['valid base64 of the wrong length', Buffer.from('short').toString('base64')],
  ])('rejects a %s signature header', async (_case, hmac) => {
    const headers = without(signed(sampleOrderBody), 'X-Shopify-Hmac-Sha256');
    if (hmac !== undefined) headers['X-Shopify-Hmac-Sha256'] = hmac;
    const result = await connector.verifyDelivery(webhookRequest(headers, sampleOrderBody), sampleOrderBody);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('rejects an empty body', async () => {
    const result = await connector.verifyDelivery(webhookRequest(signed(''), ''), '');
    expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it.each(['X-Shopify-Webhook-Id', 'X-Shopify-Topic', 'X-Shopify-Shop-Domain', 'X-Shopify-API-Version'])(
    'reports missing_headers when %s is absent from a correctly signed delivery',
    async (name) => {
      const headers = without(signed(sampleOrderBody), name);
      const result = await connector.verifyDelivery(webhookRequest(headers, sampleOrderBody), sampleOrderBody);
      expect(result).toEqual({ ok: false, reason: 'missing_headers', message: `missing headers: ${name}` });
    },
  );

  it('checks the signature before reporting missing headers', async () => {
    const headers = without(signed(sampleOrderBody, { secret: 'wrong' }), 'X-Shopify-Webhook-Id');
    const result = await connector.verifyDelivery(webhookRequest(headers, sampleOrderBody), sampleOrderBody);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('rejects any single-byte change to a signed body', async () => {
    const body = buildShopifyOrderPayload({
      id: '820982911946154508',
      name: '#1001',
      lines: [{ id: '487817672276298554', title: 'Visitenkarten — 名刺 ✓', quantity: 250, properties: [{ name: 'Grüße', value: 'ok' }] }],
    });
    const headers = signed(body);
    const bytes = new TextEncoder().encode(body);
    const decoder = new TextDecoder();

    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), async (index, byte) => {
        fc.pre(bytes[index] !== byte);
        const changed = bytes.slice();
        changed[index] = byte;
        const tampered = decoder.decode(changed);
        fc.pre(tampered !== body);
        const result = await connector.verifyDelivery(webhookRequest(headers, tampered), tampered);
        expect(result).toMatchObject({ ok: false, reason: 'invalid_signature' });
      }),
      { numRuns: 300 },
    );
  });
});
