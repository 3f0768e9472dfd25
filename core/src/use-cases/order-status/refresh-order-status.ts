import { and, eq } from 'drizzle-orm';
import { schema, type QueueClient, type Tx } from '@pressline/db';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../domain/index.ts';
import { draftStatusEmail } from '../notifications/draft-email.ts';
import type { EffectDraft } from '../outbox/effect-kinds.ts';
import { writeEffects } from '../outbox/write-effects.ts';
import { draftWebhooks } from '../webhooks/draft-webhooks.ts';
import { loadOrderStatus } from './load-order-status.ts';

export interface RefreshInput {
  shopId: string;
  orderId: string;
  at: Date;
  /** Push the new status to the platform (a transition's pushStatus action; not when a fulfillment already tells it). */
  push: boolean;
}

/**
 * Re-derives an order's customer status after something changed and, when the customer
 * would now see something else, records it and writes its effects in the caller's
 * transaction: the platform status push, the customer e-mail and `order.status_changed`.
 * The version numbers the changes, so an older push never lands after a newer one.
 */
export async function refreshOrderStatus(tx: Tx, deps: { boss: QueueClient }, input: RefreshInput): Promise<{ changed: boolean; status: OrderStatus }> {
  const where = and(eq(schema.orders.shopId, input.shopId), eq(schema.orders.id, input.orderId));
  const [order] = await tx.select().from(schema.orders).where(where).for('update');
  if (!order) throw new Error(`order ${input.orderId} vanished`);
  const status = await loadOrderStatus(tx, input.shopId, order);
  if (status.status === order.customerStatus) return { changed: false, status };

  const version = order.customerStatusVersion + 1;
  await tx.update(schema.orders).set({ customerStatus: status.status, customerStatusVersion: version }).where(where);
  const drafts: EffectDraft[] = [];
  if (input.push) {
    drafts.push({
      kind: 'push_status',
      orderId: order.id,
      idempotencyKey: `status:${order.id}:v${version}`,
      payload: { version, status: status.status, label: ORDER_STATUS_LABELS[status.status] },
    });
  }
  const email = await draftStatusEmail(tx, { shopId: input.shopId, order, status: status.status, version, orderStatus: status, eta: order.eta });
  if (email.send) drafts.push(email.draft);
  drafts.push(
    ...(await draftWebhooks(tx, input.shopId, {
      topic: 'order.status_changed',
      eventId: `order:${order.id}:v${version}`,
      orderId: order.id,
      at: input.at,
      data: { orderId: order.id, orderName: order.name, from: order.customerStatus, to: status.status, holdReason: status.holdReason, partiallyShipped: status.partiallyShipped, lines: status.lines },
    })),
  );
  await writeEffects(tx, deps.boss, input.shopId, drafts);
  return { changed: true, status };
}
