import { WEBHOOK_HEADER_NAMES, WebhookValidationErrorReason } from '@shopify/shopify-api';
import type { VerifyResult } from '../contract.ts';
import type { ShopifyClient } from './shopify-client.ts';

/**
 * Checks a Shopify webhook: base64 HMAC-SHA256 of the raw body with the app secret,
 * compared timing-safe with `X-Shopify-Hmac-Sha256`, then the delivery headers.
 * Header names are matched case-insensitively. Headers other than the signature are
 * only looked at once the signature holds.
 */
export async function verifyShopifyWebhook(
  shopify: ShopifyClient,
  request: Request,
  rawBody: string,
): Promise<VerifyResult> {
  const result = await shopify.webhooks.validate({ rawBody, rawRequest: request });

  if (!result.valid) {
    switch (result.reason) {
      case WebhookValidationErrorReason.MissingHeaders:
        return {
          ok: false,
          reason: 'missing_headers',
          message: `missing headers: ${'missingHeaders' in result ? result.missingHeaders.join(', ') : 'unknown'}`,
        };
      // An unsigned request is unauthenticated, not merely incomplete: Shopify expects
      // a 401 for it just as for a wrong signature.
      case WebhookValidationErrorReason.MissingHmac:
        return { ok: false, reason: 'invalid_signature', message: 'the X-Shopify-Hmac-Sha256 header is missing' };
      case WebhookValidationErrorReason.MissingBody:
        return { ok: false, reason: 'invalid_signature', message: 'the body is empty, so nothing is signed' };
      case WebhookValidationErrorReason.InvalidHmac:
        return { ok: false, reason: 'invalid_signature', message: 'the X-Shopify-Hmac-Sha256 signature does not match the body' };
      default:
        return { ok: false, reason: 'invalid_signature', message: 'the webhook signature could not be verified' };
    }
  }

  // The SDK reports topics in its storage form (ORDERS_CREATE); keep Shopify's own name.
  const topicHeader = request.headers.get(WEBHOOK_HEADER_NAMES[result.webhookType].topic) ?? result.topic;

  return {
    ok: true,
    delivery: {
      platform: 'shopify',
      shopDomain: result.domain.trim().toLowerCase(),
      topic: topicHeader.trim().toLowerCase(),
      deliveryKey: result.webhookId,
      eventId: result.webhookType === 'webhooks' ? (result.eventId ?? null) : null,
      triggeredAt: result.triggeredAt ?? null,
      apiVersion: result.apiVersion,
    },
  };
}
