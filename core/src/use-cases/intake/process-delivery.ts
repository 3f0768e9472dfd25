import { and, eq } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { productionDecision } from '../../domain/index.ts';
import { cancelJobsForOrder } from '../jobs/cancel-jobs-for-order.ts';
import { createJobsForOrder } from '../jobs/create-jobs-for-order.ts';
import { recordOrder } from './record-order.ts';

export type ProcessOutcome =
  | { status: 'processed'; orderId: string; jobsCreated: number; jobsCancelled: number }
  | { status: 'already_processed' }
  | { status: 'ignored'; topic: string }
  | { status: 'failed'; message: string };

/**
 * Topics whose payload is the whole order. Whichever arrives, and in whatever order, the
 * newest version of the order is kept and decides what production does.
 */
const ORDER_TOPICS: Record<string, string[]> = {
  shopify: ['orders/create', 'orders/paid', 'orders/updated', 'orders/cancelled'],
};

const INTAKE_ACTOR = 'system:intake';

/**
 * Turns one stored delivery into an order, its lines and its jobs, all in one
 * transaction. Safe to run any number of times: a processed delivery is skipped, and
 * orders, lines and jobs are each unique on their own keys.
 */
export async function processDelivery(
  deps: Pick<CoreDeps, 'db' | 'connectors' | 'clock'>,
  input: { shopId: string; deliveryId: string },
): Promise<ProcessOutcome> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const [delivery] = await tx
      .select()
      .from(schema.webhookDeliveries)
      .where(and(eq(schema.webhookDeliveries.shopId, input.shopId), eq(schema.webhookDeliveries.id, input.deliveryId)))
      .for('update');
    if (!delivery) return { status: 'failed', message: `delivery ${input.deliveryId} not found` };
    if (delivery.status !== 'pending') return { status: 'already_processed' };

    const finish = (status: 'processed' | 'ignored' | 'failed', error: string | null = null) =>
      tx
        .update(schema.webhookDeliveries)
        .set({ status, error, processedAt: deps.clock() })
        .where(and(eq(schema.webhookDeliveries.shopId, input.shopId), eq(schema.webhookDeliveries.id, delivery.id)));

    if (!ORDER_TOPICS[delivery.platform]?.includes(delivery.topic)) {
      await finish('ignored');
      return { status: 'ignored', topic: delivery.topic };
    }
    const connector = deps.connectors[delivery.platform as keyof typeof deps.connectors];
    // A worker without the platform's connector must not swallow the order: throw, so the
    // queue retries it (and dead-letters it, visibly) while the delivery stays pending.
    if (!connector) throw new Error(`no ${delivery.platform} connector is configured in this worker`);

    const parsed = connector.parseOrder(delivery.rawBody);
    if (!parsed.ok) {
      // A malformed payload will not get better on retry: keep it, visible, and stop.
      await finish('failed', parsed.message);
      return { status: 'failed', message: parsed.message };
    }

    const at = deps.clock();
    const order = await recordOrder(tx, input.shopId, parsed.value);
    if (order.created) {
      await tx.insert(schema.orderEvents).values({ shopId: input.shopId, orderId: order.id, at, actor: INTAKE_ACTOR, kind: 'received', note: delivery.topic });
    }
    // Decide on the stored order, not this payload: a stale retry or an update that
    // overtook the paid notice must not undo what a newer version already said.
    const decision = productionDecision(order.current);
    const created = decision === 'produce' ? await createJobsForOrder(tx, { shopId: input.shopId, orderId: order.id, actor: INTAKE_ACTOR, at }) : { created: 0 };
    const cancelled =
      decision === 'stop'
        ? await cancelJobsForOrder(tx, { shopId: input.shopId, orderId: order.id, actor: INTAKE_ACTOR, at, note: `Order ${order.current.name} was cancelled or refunded in ${delivery.platform}` })
        : { cancelled: 0 };
    await finish('processed');
    return { status: 'processed', orderId: order.id, jobsCreated: created.created, jobsCancelled: cancelled.cancelled };
  });
}
