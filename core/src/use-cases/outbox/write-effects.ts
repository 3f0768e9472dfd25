import { enqueueInTx, queues, schema, type QueueClient, type Tx } from '@pressline/db';
import type { EffectDraft } from './effect-kinds.ts';

/**
 * Stores outward effects in the caller's transaction and enqueues their relay in the
 * same transaction: they exist exactly when the change that caused them does. An
 * effect already stored under its idempotency key is not stored or enqueued again.
 */
export async function writeEffects(tx: Tx, boss: QueueClient, shopId: string, drafts: readonly EffectDraft[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const rows = await tx
    .insert(schema.outbox)
    .values(drafts.map((draft) => ({ shopId, kind: draft.kind, orderId: draft.orderId, idempotencyKey: draft.idempotencyKey, payload: draft.payload })))
    .onConflictDoNothing({ target: [schema.outbox.shopId, schema.outbox.idempotencyKey] })
    .returning({ id: schema.outbox.id });
  for (const row of rows) await enqueueInTx(boss, tx, queues.outboxRelay.name, { shopId, outboxId: row.id });
  return rows.map((row) => row.id);
}
