import type { StorefrontOrder } from '@pressline/connectors';
import { schema, type QueueClient, type Tx } from '@pressline/db';
import { productionDecision } from '../../domain/index.ts';
import { cancelJobsForOrder } from '../jobs/cancel-jobs-for-order.ts';
import { createJobsForOrder } from '../jobs/create-jobs-for-order.ts';
import { refreshOrderStatus } from '../order-status/refresh-order-status.ts';
import { recordOrder } from './record-order.ts';

export interface AppliedOrder {
  orderId: string;
  jobsCreated: number;
  jobsCancelled: number;
}

/**
 * One version of a storefront order, from a delivery or from reconciliation: the newest
 * version Pressline has seen is kept, and it decides what production does. Any number
 * of versions, in any order, leave the same result.
 */
export async function applyOrderVersion(
  tx: Tx,
  input: { shopId: string; order: StorefrontOrder; actor: string; at: Date; receivedNote: string; boss: QueueClient },
): Promise<AppliedOrder> {
  const { shopId, actor, at } = input;
  const order = await recordOrder(tx, shopId, input.order);
  if (order.created) {
    await tx.insert(schema.orderEvents).values({ shopId, orderId: order.id, at, actor, kind: 'received', note: input.receivedNote });
  }
  // Decide on the stored order, not this version: a stale retry or an update that
  // overtook the paid notice must not undo what a newer version already said.
  const decision = productionDecision(order.current);
  const created = decision === 'produce' ? await createJobsForOrder(tx, { shopId, orderId: order.id, actor, at, boss: input.boss }) : { created: 0 };
  const cancelled =
    decision === 'stop'
      ? await cancelJobsForOrder(tx, { shopId, orderId: order.id, actor, at, note: `Order ${order.current.name} was cancelled or refunded in ${input.order.platform}`, boss: input.boss })
      : { cancelled: 0 };
  // The customer now sees "paid" (or "cancelled"): e-mail and webhooks follow; the
  // platform told us, so nothing is pushed back to it.
  if (created.created > 0 || cancelled.cancelled > 0) await refreshOrderStatus(tx, { boss: input.boss }, { shopId, orderId: order.id, at, push: false });
  return { orderId: order.id, jobsCreated: created.created, jobsCancelled: cancelled.cancelled };
}
