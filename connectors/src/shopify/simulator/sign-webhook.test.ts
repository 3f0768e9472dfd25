import { describe, expect, it } from 'vitest';
import { SHOPIFY_API_VERSION } from '../shopify-client.ts';
import { signShopifyWebhook } from './sign-webhook.ts';

// Checked against WebCrypto rather than node:crypto so the test does not just repeat the code.
async function webCryptoHmac(secret: string, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return Buffer.from(await crypto.subtle.sign('HMAC', key, encoder.encode(body))).toString('base64');
}

describe('signShopifyWebhook', () => {
  it('returns the headers Shopify sends, signed over the raw body', async () => {
    const rawBody = '{"id":820982911946154508,"note":"Grüße"}';
    const headers = signShopifyWebhook({
      rawBody,
      secret: 'hush',
      topic: 'orders/paid',
      shopDomain: 'demo-print.myshopify.com',
      webhookId: 'wh-1',
      eventId: 'ev-1',
      apiVersion: '2026-07',
      triggeredAt: '2026-11-23T12:00:00Z',
    });
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      'X-Shopify-Topic': 'orders/paid',
      'X-Shopify-Hmac-Sha256': await webCryptoHmac('hush', rawBody),
      'X-Shopify-Shop-Domain': 'demo-print.myshopify.com',
      'X-Shopify-API-Version': '2026-07',
      'X-Shopify-Webhook-Id': 'wh-1',
      'X-Shopify-Event-Id': 'ev-1',
      'X-Shopify-Triggered-At': '2026-11-23T12:00:00Z',
    });
  });

  it('defaults the API version and trigger time and leaves out an absent event id', () => {
    const headers = signShopifyWebhook({ rawBody: '{}', secret: 's', topic: 'orders/create', shopDomain: 'a.myshopify.com', webhookId: 'w' });
    expect(headers['X-Shopify-API-Version']).toBe(SHOPIFY_API_VERSION);
    expect(Number.isNaN(Date.parse(headers['X-Shopify-Triggered-At'] ?? ''))).toBe(false);
    expect(headers).not.toHaveProperty('X-Shopify-Event-Id');
  });
});
