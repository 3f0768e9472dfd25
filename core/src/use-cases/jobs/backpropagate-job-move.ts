import { type QueueClient, type Tx } from '@pressline/db';
import type { ActionKey, Stage } from '../../domain/index.ts';
import { refreshOrderStatus } from '../order-status/refresh-order-status.ts';
import type { EffectDraft } from '../outbox/effect-kinds.ts';
import { writeEffects } from '../outbox/write-effects.ts';
import { shipmentsOfOrder } from '../shipments/shipment-reads.ts';
import { draftWebhooks } from '../webhooks/draft-webhooks.ts';

export interface JobMove {
  shopId: string;
  job: { id: string; number: number; orderId: string };
  from: Stage;
  to: Stage;
  actions: readonly ActionKey[];
  actor: string;
  at: Date;
  note: string | null;
}

/**
 * The outward consequences of a job's move, written in the move's transaction:
 * `job.stage_changed`, the transition's actions (createFulfillment makes sure every
 * shipment of the order has its fulfillment; pushStatus pushes the order's new customer
 * status) and, through the order's status, the customer e-mail.
 */
export async function backpropagateJobMove(tx: Tx, deps: { boss: QueueClient }, move: JobMove): Promise<void> {
  const drafts: EffectDraft[] = await draftWebhooks(tx, move.shopId, {
    topic: 'job.stage_changed',
    eventId: `job:${move.job.id}:${move.from.key}>${move.to.key}@${move.at.toISOString()}`,
    orderId: move.job.orderId,
    at: move.at,
    data: { jobId: move.job.id, jobNumber: move.job.number, orderId: move.job.orderId, from: move.from.key, to: move.to.key, actor: move.actor, note: move.note },
  });
  if (move.actions.includes('createFulfillment')) {
    // Same key as recordShipment's: a shipment already relayed is not fulfilled twice.
    for (const shipment of await shipmentsOfOrder(tx, move.shopId, move.job.orderId)) {
      drafts.push({ kind: 'create_fulfillment', orderId: move.job.orderId, idempotencyKey: `fulfillment:${shipment.id}`, payload: { shipmentId: shipment.id } });
    }
  }
  await writeEffects(tx, deps.boss, move.shopId, drafts);
  await refreshOrderStatus(tx, deps, { shopId: move.shopId, orderId: move.job.orderId, at: move.at, push: move.actions.includes('pushStatus') });
}
