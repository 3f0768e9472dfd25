import type { OrderConnector } from '@pressline/connectors';

export type DeliveryCheck = { ok: true; ping: boolean } | { ok: false; reason: 'unsupported_topic' | 'malformed_payload'; message: string };

/**
 * The cheap part of parsing, done before the acknowledgement so a platform (or anyone
 * holding the secret) learns at once that a body can never be processed, and nothing
 * is stored for it. The worker parses the stored raw body again for the real work.
 */
export function checkDelivery(connector: OrderConnector, topic: string, rawBody: string): DeliveryCheck {
  const kind = connector.topicKind(topic);
  if (kind === 'ignored') return { ok: false, reason: 'unsupported_topic', message: `Pressline does not handle the topic "${topic}"` };
  if (kind === 'ping') return { ok: true, ping: true };
  const parsed =
    kind === 'order'
      ? connector.rereadsOrders
        ? connector.parseOrderReference(rawBody)
        : connector.parseOrder(rawBody)
      : kind === 'app_uninstalled' || !connector.parseComplianceRequest
        ? ({ ok: true } as const)
        : connector.parseComplianceRequest(kind, rawBody);
  return parsed.ok ? { ok: true, ping: false } : { ok: false, reason: 'malformed_payload', message: parsed.message };
}
