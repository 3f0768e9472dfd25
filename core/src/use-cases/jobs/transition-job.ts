import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { decideTransition } from '../../domain/index.ts';
import { ConflictError, IllegalTransitionError, NotFoundError } from '../../errors.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { backpropagateJobMove } from './backpropagate-job-move.ts';
import { applyTransition } from './apply-transition.ts';
import { loadTransitionContext } from './transition-context.ts';

export interface TransitionJobInput {
  shopId: string;
  jobId: string;
  to: string;
  note?: string | null;
  /** The stage the caller saw; if the job has moved since, the move is refused (CONFLICT). */
  expectedStage?: string | null;
  actor: string;
}

/**
 * Moves a job to another stage if the shop's workflow allows it now, and appends the
 * audit event in the same transaction, with its outward effects (outbox). A refused move
 * changes nothing and writes no event.
 */
export async function transitionJob(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: TransitionJobInput): Promise<{ jobId: string; from: string; to: string }> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const where = and(eq(schema.jobs.shopId, input.shopId), eq(schema.jobs.id, input.jobId), isNull(schema.jobs.deletedAt));
    // Locks go order first, then job, as intake's do (it records the order, then cancels
    // its jobs): the move re-derives the order's customer status in this transaction.
    const [owner] = await tx.select({ orderId: schema.jobs.orderId }).from(schema.jobs).where(where);
    if (!owner) throw new NotFoundError('Job');
    await tx
      .select({ id: schema.orders.id })
      .from(schema.orders)
      .where(and(eq(schema.orders.shopId, input.shopId), eq(schema.orders.id, owner.orderId)))
      .for('update');
    const [job] = await tx.select().from(schema.jobs).where(where).for('update');
    if (!job) throw new NotFoundError('Job');
    if (input.expectedStage && input.expectedStage !== job.stageKey) {
      throw new ConflictError(`The job has moved to "${job.stageKey}" since you looked; reload and try again`);
    }

    const workflow = await loadShopWorkflow(tx, input.shopId);
    const context = await loadTransitionContext(tx, job);
    const decision = decideTransition(workflow, { from: job.stageKey, to: input.to, context });
    if (!decision.ok) {
      throw new IllegalTransitionError(decision.message, { from: job.stageKey, to: input.to, allowed: decision.allowed, reason: decision.reason });
    }

    const at = deps.clock();
    const note = input.note ?? null;
    await applyTransition(tx, { shopId: input.shopId, job, from: decision.from, to: decision.to, actor: input.actor, at, note, boss: deps.boss });
    await backpropagateJobMove(tx, deps, { shopId: input.shopId, job, from: decision.from, to: decision.to, actions: decision.actions, actor: input.actor, at, note });
    return { jobId: job.id, from: decision.from.key, to: decision.to.key };
  });
}
