import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ShopConnection, VerifyResult } from '../contract.ts';
import { readWooCommerceDeliveryBody } from './delivery-body.ts';
import { PING_TOPIC } from './topics.ts';

/** The headers WC_Webhook::deliver sends (matched case-insensitively by `Headers`). */
export const WOOCOMMERCE_WEBHOOK_HEADERS = {
  source: 'X-WC-Webhook-Source',
  topic: 'X-WC-Webhook-Topic',
  resource: 'X-WC-Webhook-Resource',
  event: 'X-WC-Webhook-Event',
  signature: 'X-WC-Webhook-Signature',
  webhookId: 'X-WC-Webhook-ID',
  deliveryId: 'X-WC-Webhook-Delivery-ID',
} as const;

// WC_Webhook::deliver_ping posts exactly this form body, unsigned and without X-WC headers.
const PING_BODY = /^webhook_id=(\d+)$/;

/**
 * Checks a WooCommerce webhook: base64 HMAC-SHA256 of the raw body with the webhook's
 * secret (the shop's `webhookSecret`), compared timing-safe with `X-WC-Webhook-Signature`.
 * Headers other than the signature are only read once it holds.
 *
 * The creation ping is the one unsigned request accepted: its body is exactly
 * `webhook_id=N` and carries nothing to act on, so it verifies as topic "ping".
 */
export function verifyWooCommerceWebhook(
  request: Request,
  rawBody: string,
  connection: ShopConnection | null | undefined,
): VerifyResult {
  if (!connection || connection.platform !== 'woocommerce') {
    return { ok: false, reason: 'invalid_signature', message: 'no WooCommerce connection holds the secret for this delivery' };
  }
  const headers = request.headers;
  const signature = headers.get(WOOCOMMERCE_WEBHOOK_HEADERS.signature)?.trim() ?? '';
  const ping = PING_BODY.exec(rawBody);

  if (signature === '') {
    if (ping && !headers.has(WOOCOMMERCE_WEBHOOK_HEADERS.topic)) return pingDelivery(connection, ping[1]!);
    return { ok: false, reason: 'invalid_signature', message: 'the X-WC-Webhook-Signature header is missing' };
  }
  if (!signatureMatches(rawBody, connection.webhookSecret, signature)) {
    return { ok: false, reason: 'invalid_signature', message: 'the X-WC-Webhook-Signature signature does not match the body' };
  }

  const topic = headers.get(WOOCOMMERCE_WEBHOOK_HEADERS.topic)?.trim().toLowerCase() ?? '';
  if (topic === '') {
    // A proxy or filter may sign the ping too; it still names no topic.
    if (ping) return pingDelivery(connection, ping[1]!);
    return { ok: false, reason: 'missing_headers', message: 'missing headers: X-WC-Webhook-Topic' };
  }

  return {
    ok: true,
    delivery: {
      platform: 'woocommerce',
      shopDomain: shopDomainOf(headers.get(WOOCOMMERCE_WEBHOOK_HEADERS.source), connection.siteUrl),
      topic,
      deliveryKey: deliveryKeyOf(topic, rawBody, headers.get(WOOCOMMERCE_WEBHOOK_HEADERS.deliveryId)),
      // WooCommerce sends no event id, no trigger time and no API version header.
      eventId: null,
      triggeredAt: null,
      apiVersion: null,
    },
  };
}

function signatureMatches(rawBody: string, secret: string, signature: string): boolean {
  // WooCommerce signs with wp_specialchars_decode($secret); Pressline generates secrets
  // without HTML special characters, so the stored secret is the one used.
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64'), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function pingDelivery(connection: { siteUrl: string }, webhookId: string): VerifyResult {
  return {
    ok: true,
    delivery: {
      platform: 'woocommerce',
      shopDomain: shopDomainOf(null, connection.siteUrl),
      topic: PING_TOPIC,
      deliveryKey: `ping:${webhookId}`,
      eventId: null,
      triggeredAt: null,
      apiVersion: null,
    },
  };
}

/** The host of `X-WC-Webhook-Source` (the site's home URL), else of the connection's site URL. */
function shopDomainOf(source: string | null, siteUrl: string): string {
  for (const candidate of [source, siteUrl]) {
    if (!candidate) continue;
    try {
      return new URL(candidate.trim()).host.toLowerCase();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  }
  return siteUrl.trim().toLowerCase();
}

/**
 * The intake's idempotency key. X-WC-Webhook-Delivery-ID is wp_hash(webhook id . unix
 * second): the same for two deliveries of one webhook within a second, so it can't be
 * the key. What identifies an order delivery is the order's state: its id, modification
 * time and status, read from the verified body. WooCommerce never retries, so a
 * "re-delivery" is the same state sent again (a second webhook, a manual resend).
 */
function deliveryKeyOf(topic: string, rawBody: string, deliveryId: string | null): string {
  const [resource = topic, event = ''] = topic.split('.', 2);
  const body = readWooCommerceDeliveryBody(rawBody);
  const unique = deliveryId?.trim() || digest(rawBody);
  if (body.ok && body.value.kind === 'resource') {
    const { id, modifiedAt, status } = body.value;
    if (modifiedAt !== null && status !== null) return `${resource}:${id}:${modifiedAt}:${status}`;
    // order.deleted sends only the id: each deletion is an event of its own.
    return `${resource}:${id}:${event}:${unique}`;
  }
  if (body.ok && body.value.kind === 'action') return `action:${body.value.action}:${body.value.arg ?? '-'}:${unique}`;
  // Signed but unreadable: the body itself names the delivery; parsing reports the problem.
  return `${topic}:${digest(rawBody)}`;
}

function digest(rawBody: string): string {
  return createHash('sha256').update(rawBody, 'utf8').digest('hex').slice(0, 32);
}
