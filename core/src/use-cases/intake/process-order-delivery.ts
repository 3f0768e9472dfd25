import type { ParseResult, StorefrontOrder } from '@pressline/connectors';
import { schema, type Tx } from '@pressline/db';
import { productionDecision } from '../../domain/index.ts';
import { cancelJobsForOrder } from '../jobs/cancel-jobs-for-order.ts';
import { createJobsForOrder } from '../jobs/create-jobs-for-order.ts';
import type { DeliveryContext, HandledDelivery } from './delivery-context.ts';
import { recordOrder } from './record-order.ts';

/**
 * An order delivery (for Shopify: create, paid, updated, cancelled), in whatever order they arrive:
 * the newest version of the order is kept, and it decides what production does.
 */
export async function processOrderDelivery(tx: Tx, parsed: ParseResult<StorefrontOrder>, context: DeliveryContext): Promise<HandledDelivery> {
  const { shopId, delivery, at, actor } = context;
  // A malformed payload will not get better on retry: keep it, visible, and stop.
  if (!parsed.ok) return { status: 'failed', message: parsed.message };

  const order = await recordOrder(tx, shopId, parsed.value);
  if (order.created) {
    await tx.insert(schema.orderEvents).values({ shopId, orderId: order.id, at, actor, kind: 'received', note: delivery.topic });
  }
  // Decide on the stored order, not this payload: a stale retry or an update that
  // overtook the paid notice must not undo what a newer version already said.
  const decision = productionDecision(order.current);
  const created = decision === 'produce' ? await createJobsForOrder(tx, { shopId, orderId: order.id, actor, at }) : { created: 0 };
  const cancelled =
    decision === 'stop'
      ? await cancelJobsForOrder(tx, { shopId, orderId: order.id, actor, at, note: `Order ${order.current.name} was cancelled or refunded in ${delivery.platform}` })
      : { cancelled: 0 };
  return { status: 'processed', orderId: order.id, orderExternalId: parsed.value.externalId, jobsCreated: created.created, jobsCancelled: cancelled.cancelled };
}
