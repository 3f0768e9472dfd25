import { and, desc, eq } from 'drizzle-orm';
import { enqueueInTx, queues, schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';

export type OutboxRowView = typeof schema.outbox.$inferSelect;

/** Dead-lettered effects, newest first: what the admin shows with a retry button. */
export async function listOutboxFailures(tx: Tx, shopId: string, limit = 50): Promise<OutboxRowView[]> {
  return tx
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.shopId, shopId), eq(schema.outbox.status, 'failed')))
    .orderBy(desc(schema.outbox.nextAttemptAt), desc(schema.outbox.id))
    .limit(Math.max(1, Math.min(200, limit)));
}

/** An operator's retry of a dead-lettered effect: a fresh set of attempts, starting now. */
export async function retryOutboxEffect(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: { shopId: string; outboxId: string }): Promise<OutboxRowView> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const where = and(eq(schema.outbox.shopId, input.shopId), eq(schema.outbox.id, input.outboxId));
    const [row] = await tx.select().from(schema.outbox).where(where).for('update');
    if (!row) throw new NotFoundError('Outbox effect');
    if (row.status !== 'failed') throw new ConflictError(`The effect is ${row.status}, not failed; only failed effects can be retried`);
    const now = deps.clock();
    const [updated] = await tx.update(schema.outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: now }).where(where).returning();
    await enqueueInTx(deps.boss, tx, queues.outboxRelay.name, { shopId: input.shopId, outboxId: row.id });
    if (!updated) throw new Error('outbox row vanished');
    return updated;
  });
}
