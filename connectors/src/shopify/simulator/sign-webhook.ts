import { createHmac } from 'node:crypto';
import { SHOPIFY_API_VERSION } from '../shopify-client.ts';

export interface SignShopifyWebhookOptions {
  rawBody: string;
  /** The app's client secret, which Shopify signs with. */
  secret: string;
  topic: string;
  shopDomain: string;
  webhookId: string;
  eventId?: string;
  /** Defaults to the API version Pressline is configured for. */
  apiVersion?: string;
  /** Defaults to now. */
  triggeredAt?: string;
}

/**
 * The headers Shopify sends with a webhook delivery of `rawBody`, signed the way
 * Shopify signs: base64 HMAC-SHA256 of the raw body's UTF-8 bytes with the app secret.
 */
export function signShopifyWebhook(options: SignShopifyWebhookOptions): Record<string, string> {
  const hmac = createHmac('sha256', options.secret).update(options.rawBody, 'utf8').digest('base64');
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': options.topic,
    'X-Shopify-Hmac-Sha256': hmac,
    'X-Shopify-Shop-Domain': options.shopDomain,
    'X-Shopify-API-Version': options.apiVersion ?? SHOPIFY_API_VERSION,
    'X-Shopify-Webhook-Id': options.webhookId,
    'X-Shopify-Triggered-At': options.triggeredAt ?? new Date().toISOString(),
  };
  if (options.eventId !== undefined) headers['X-Shopify-Event-Id'] = options.eventId;
  return headers;
}
