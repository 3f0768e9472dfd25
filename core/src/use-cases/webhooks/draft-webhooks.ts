import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { EffectDraft } from '../outbox/effect-kinds.ts';

export const WEBHOOK_TOPICS = ['job.stage_changed', 'order.status_changed', 'shipment.created'] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

/**
 * One outbox effect per subscription to the event's topic. `eventId` names the event
 * itself (the same change always yields the same id), so a receiver can drop repeats.
 */
export async function draftWebhooks(
  tx: Tx,
  shopId: string,
  event: { topic: WebhookTopic; eventId: string; orderId: string | null; at: Date; data: Record<string, unknown> },
): Promise<EffectDraft[]> {
  const subscriptions = await tx
    .select({ id: schema.webhookSubscriptions.id })
    .from(schema.webhookSubscriptions)
    .where(and(eq(schema.webhookSubscriptions.shopId, shopId), isNull(schema.webhookSubscriptions.deletedAt), arrayContains(schema.webhookSubscriptions.topics, [event.topic])));
  return subscriptions.map((subscription) => ({
    kind: 'webhook' as const,
    orderId: event.orderId,
    idempotencyKey: `webhook:${subscription.id}:${event.eventId}`,
    payload: {
      subscriptionId: subscription.id,
      topic: event.topic,
      eventId: event.eventId,
      body: { id: event.eventId, topic: event.topic, shopId, occurredAt: event.at.toISOString(), data: event.data },
    },
  }));
}
