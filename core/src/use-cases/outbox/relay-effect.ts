import { and, eq, sql } from 'drizzle-orm';
import { enqueueInTx, queues, schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { prepareSend } from './prepare-send.ts';
import { rememberFulfillment } from './platform-effects.ts';
import { DEFAULT_OUTBOX_POLICY, retryDelayMs, type OutboxPolicy } from './retry-delay.ts';
import type { SendOutcome } from './send-outcome.ts';
import type { ShopPacer } from './shop-pacer.ts';

export interface RelayDeps extends CoreDeps {
  pacer: ShopPacer;
  /** Jitter source; Math.random in production. */
  random?: () => number;
}

export type RelayOutcome =
  | { status: 'sent' | 'skipped' | 'dead' }
  | { status: 'retrying'; at: Date; reason: string }
  /** Another worker holds the effect, or it was settled already: nothing to do. */
  | { status: 'not_pending' };

/**
 * Sends one outbox effect, at least once and, through idempotency keys and remote checks,
 * with one effect on the other side. The row stays locked (FOR UPDATE SKIP LOCKED) for
 * the whole attempt, so a redelivered queue job cannot send it twice at once; a worker
 * that dies mid-call drops the lock with its connection, and the queue retries the job.
 * Retries are scheduled here as delayed queue jobs, written in the same transaction
 * that records the attempt.
 */
export async function relayEffect(deps: RelayDeps, input: { shopId: string; outboxId: string }): Promise<RelayOutcome> {
  const policy: OutboxPolicy = { ...DEFAULT_OUTBOX_POLICY, ...deps.outboxPolicy };
  return withShop(deps.db, input.shopId, async (tx) => {
    const where = and(eq(schema.outbox.shopId, input.shopId), eq(schema.outbox.id, input.outboxId));
    const [row] = await tx.select().from(schema.outbox).where(where).for('update', { skipLocked: true });
    if (!row || row.status !== 'pending') return { status: 'not_pending' };

    // One order's platform writes go one at a time and in order: WooCommerce, for one,
    // keeps shipments in order meta with no conditional write, so two at once lose one.
    if (row.orderId && isPlatformKind(row.kind)) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${row.shopId}), hashtext(${row.orderId}))`);
    }
    const paused = deps.pacer.pausedUntil(input.shopId, deps.clock());
    if (paused && isPlatformKind(row.kind)) return reschedule(tx, deps, row, paused, 'waiting out the platform rate limit', false);

    const prepared = await prepareSend(tx, { ...deps, timeoutMs: policy.callTimeoutMs }, row);
    const outcome = 'call' in prepared ? await withTimeout(prepared.call(), policy.callTimeoutMs) : prepared;
    const now = deps.clock();
    switch (outcome.kind) {
      case 'sent':
        if (row.kind === 'create_fulfillment' && typeof outcome.result['fulfillmentExternalId'] === 'string') {
          await rememberFulfillment(tx, input.shopId, (row.payload as { shipmentId: string }).shipmentId, outcome.result['fulfillmentExternalId']);
        }
        // lastError stays: what a sent effect went through on its way is worth seeing.
        await tx.update(schema.outbox).set({ status: 'sent', sentAt: now, attempts: row.attempts + 1, result: outcome.result }).where(where);
        return { status: 'sent' };
      case 'skipped':
        await tx.update(schema.outbox).set({ status: 'skipped', sentAt: now, result: { skipped: outcome.reason } }).where(where);
        return { status: 'skipped' };
      case 'throttled': {
        const at = new Date(now.getTime() + outcome.retryAfterMs + Math.round(outcome.retryAfterMs * 0.1 * (deps.random ?? Math.random)()));
        deps.pacer.pause(input.shopId, new Date(now.getTime() + outcome.retryAfterMs));
        // Throttling is the platform pacing us, not a failure: it spends no attempt.
        return reschedule(tx, deps, row, at, outcome.message, false);
      }
      case 'transient': {
        const attempts = row.attempts + 1;
        if (attempts >= policy.maxAttempts) return deadLetter(tx, where, attempts, outcome, now);
        const at = new Date(now.getTime() + retryDelayMs(attempts, policy, (deps.random ?? Math.random)()));
        return reschedule(tx, deps, row, at, outcome.message, true);
      }
      case 'permanent':
        return deadLetter(tx, where, row.attempts + 1, outcome, now);
    }
  });
}

function isPlatformKind(kind: string): boolean {
  return kind === 'push_status' || kind === 'create_fulfillment' || kind === 'update_tracking' || kind === 'order_note';
}

async function reschedule(
  tx: Tx,
  deps: RelayDeps,
  row: { shopId: string; id: string; attempts: number },
  at: Date,
  reason: string,
  countsAsAttempt: boolean,
): Promise<RelayOutcome> {
  await tx
    .update(schema.outbox)
    .set({ attempts: row.attempts + (countsAsAttempt ? 1 : 0), nextAttemptAt: at, lastError: reason })
    .where(and(eq(schema.outbox.shopId, row.shopId), eq(schema.outbox.id, row.id)));
  await enqueueInTx(deps.boss, tx, queues.outboxRelay.name, { shopId: row.shopId, outboxId: row.id }, { startAfter: at });
  return { status: 'retrying', at, reason };
}

async function deadLetter(tx: Tx, where: ReturnType<typeof and>, attempts: number, outcome: Extract<SendOutcome, { message: string }>, now: Date): Promise<RelayOutcome> {
  await tx.update(schema.outbox).set({ status: 'failed', attempts, lastError: outcome.message, nextAttemptAt: now }).where(where);
  return { status: 'dead' };
}

/**
 * A call that has not answered in time is an ambiguous failure: it may still be applied.
 * The retry checks remote state by idempotency key before creating anything.
 */
async function withTimeout(call: Promise<SendOutcome>, ms: number): Promise<SendOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'transient', message: `No answer within ${ms} ms` }), ms);
  });
  const guarded = call.catch((error: unknown): SendOutcome => ({ kind: 'transient', message: `Send failed: ${error instanceof Error ? error.message : String(error)}` }));
  try {
    return await Promise.race([guarded, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A relay that threw (not a send that failed: the database or the code did) still spends
 * an attempt, in a transaction of its own, so an effect that keeps crashing its relay is
 * dead-lettered and shown instead of retried unseen forever.
 */
export async function recordRelayCrash(deps: RelayDeps, input: { shopId: string; outboxId: string; message: string }): Promise<void> {
  const policy: OutboxPolicy = { ...DEFAULT_OUTBOX_POLICY, ...deps.outboxPolicy };
  await withShop(deps.db, input.shopId, async (tx) => {
    const where = and(eq(schema.outbox.shopId, input.shopId), eq(schema.outbox.id, input.outboxId));
    const [row] = await tx.select().from(schema.outbox).where(where).for('update', { skipLocked: true });
    if (!row || row.status !== 'pending') return;
    const attempts = row.attempts + 1;
    const lastError = `Relay failed: ${input.message}`.slice(0, 2000);
    await tx
      .update(schema.outbox)
      .set(attempts >= policy.maxAttempts ? { status: 'failed', attempts, lastError } : { attempts, lastError })
      .where(where);
  });
}
