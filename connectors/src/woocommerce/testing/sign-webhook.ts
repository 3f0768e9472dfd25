import { createHash, createHmac } from 'node:crypto';

export interface SignWooCommerceWebhookOptions {
  rawBody: string;
  /** The webhook's secret: the shop's `webhookSecret`. */
  secret: string;
  /** e.g. "order.created", "action.woocommerce_payment_complete". */
  topic: string;
  /** The site's home URL; sent with a trailing slash, as home_url('/') returns it. */
  siteUrl: string;
  webhookId: number | string;
  /** Defaults to WooCommerce's wp_hash(webhook id . unix second) stand-in for now. */
  deliveryId?: string;
  /** Drives the default delivery id. Defaults to now. */
  now?: Date;
}

const USER_AGENT = 'WooCommerce/10.4.0 Hookshot (WordPress/6.9)';

/**
 * The headers WC_Webhook::deliver sends with `rawBody`, signed as WooCommerce signs:
 * base64 HMAC-SHA256 of the body's bytes with the webhook's secret.
 */
export function signWooCommerceWebhook(options: SignWooCommerceWebhookOptions): Record<string, string> {
  const [resource = options.topic, event = ''] = options.topic.split('.', 2);
  const seconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'X-WC-Webhook-Source': `${options.siteUrl.replace(/\/+$/, '')}/`,
    'X-WC-Webhook-Topic': options.topic,
    'X-WC-Webhook-Resource': resource,
    'X-WC-Webhook-Event': event,
    'X-WC-Webhook-Signature': createHmac('sha256', options.secret).update(options.rawBody, 'utf8').digest('base64'),
    'X-WC-Webhook-ID': String(options.webhookId),
    'X-WC-Webhook-Delivery-ID': options.deliveryId ?? createHash('md5').update(`${options.webhookId}${seconds}`).digest('hex'),
  };
}

/** The unsigned form post WC_Webhook::deliver_ping sends when a webhook is created. */
export function buildWooCommercePing(webhookId: number | string): { headers: Record<string, string>; rawBody: string } {
  return {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': USER_AGENT },
    rawBody: `webhook_id=${webhookId}`,
  };
}

/**
 * A value as WooCommerce puts it in a webhook body: wp_json_encode, which escapes "/"
 * and every non-ASCII character.
 */
export function wooCommerceJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
