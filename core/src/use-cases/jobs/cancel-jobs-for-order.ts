import { and, eq, isNull } from 'drizzle-orm';
import { schema, type QueueClient, type Tx } from '@pressline/db';
import { decideTransition } from '../../domain/index.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { applyTransition } from './apply-transition.ts';
import { loadTransitionContext } from './transition-context.ts';

/**
 * Moves every job of a cancelled order to the workflow's cancelled stage, where the
 * workflow allows it; finished jobs stay as they are. Each move is audited.
 */
export async function cancelJobsForOrder(tx: Tx, input: { shopId: string; orderId: string; actor: string; at: Date; note: string; boss: QueueClient }): Promise<{ cancelled: number }> {
  const workflow = await loadShopWorkflow(tx, input.shopId);
  const cancelStages = workflow.stages.filter((stage) => stage.category === 'cancelled');
  const jobs = await tx
    .select()
    .from(schema.jobs)
    .where(and(eq(schema.jobs.shopId, input.shopId), eq(schema.jobs.orderId, input.orderId), isNull(schema.jobs.deletedAt)))
    .for('update');

  let cancelled = 0;
  for (const job of jobs) {
    const context = await loadTransitionContext(tx, job);
    const decision = cancelStages
      .map((stage) => decideTransition(workflow, { from: job.stageKey, to: stage.key, context }))
      .find((candidate) => candidate.ok);
    if (!decision?.ok) continue;
    await applyTransition(tx, { shopId: input.shopId, job, from: decision.from, to: decision.to, actor: input.actor, at: input.at, note: input.note, boss: input.boss });
    cancelled += 1;
  }
  return { cancelled };
}
