import { and, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type QueueClient, type Tx } from '@pressline/db';
import { decideTransition, formatJobNumber, stageByKey, stagePath, type Workflow } from '../../domain/index.ts';
import { IllegalTransitionError } from '../../errors.ts';
import { applyTransition } from '../jobs/apply-transition.ts';
import { backpropagateJobMove } from '../jobs/backpropagate-job-move.ts';
import { loadTransitionContext } from '../jobs/transition-context.ts';

export interface MoveServedJobs {
  shopId: string;
  workflow: Workflow;
  jobIds: readonly string[];
  to: string;
  actor: string;
  at: Date;
  note: string;
  /** Moves re-plan the schedule (queued in the same transaction). */
  boss: QueueClient;
  /** Refuse (ILLEGAL_TRANSITION) when a job cannot get there; otherwise leave it where it is. */
  strict: boolean;
  /** Move only jobs whose stage is in one of these categories (e.g. queued: a remake already in production stays). */
  onlyCategories?: readonly string[];
}

/**
 * Moves a run's jobs to the run's stage through the workflow's own transitions, one
 * audited event per step (e.g. approved → scheduled), guards checked at every step. Jobs
 * already past it in production (a remake) stay where they are.
 */
export async function moveServedJobs(tx: Tx, move: MoveServedJobs): Promise<{ moved: string[] }> {
  if (move.jobIds.length === 0) return { moved: [] };
  const target = stageByKey(move.workflow, move.to);
  const jobs = await tx
    .select()
    .from(schema.jobs)
    .where(and(eq(schema.jobs.shopId, move.shopId), inArray(schema.jobs.id, [...move.jobIds]), isNull(schema.jobs.deletedAt)))
    .orderBy(schema.jobs.number)
    .for('update');
  const moved: string[] = [];
  for (const job of jobs) {
    if (job.stageKey === move.to) continue;
    const category = stageByKey(move.workflow, job.stageKey)?.category;
    if (move.onlyCategories && (!category || !move.onlyCategories.includes(category))) continue;
    const context = await loadTransitionContext(tx, job);
    const path = target ? stagePath(move.workflow, job.stageKey, move.to, context) : null;
    if (!path) {
      if (!move.strict) continue;
      throw new IllegalTransitionError(`Job ${formatJobNumber(job.number)} cannot move from "${job.stageKey}" to "${move.to}" for the gang run`, {
        from: job.stageKey,
        to: move.to,
        allowed: [],
        reason: target ? 'not_allowed' : 'unknown_stage',
      });
    }
    let from = stageByKey(move.workflow, job.stageKey)!;
    let heldFrom = job.heldFrom;
    for (const to of path) {
      // The step's declared actions (status push, e-mail) go out as for any other move.
      const decision = decideTransition(move.workflow, { from: from.key, to: to.key, context: { ...context, heldFrom } });
      const actions = decision.ok ? decision.actions : [];
      await applyTransition(tx, { shopId: move.shopId, job: { id: job.id, heldFrom }, from, to, actor: move.actor, at: move.at, note: move.note, boss: move.boss });
      await backpropagateJobMove(tx, { boss: move.boss }, { shopId: move.shopId, job, from, to, actions, actor: move.actor, at: move.at, note: move.note });
      heldFrom = null;
      from = to;
    }
    moved.push(job.id);
  }
  return { moved };
}
