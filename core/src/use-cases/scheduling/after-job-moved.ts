import type { QueueClient, Tx } from '@pressline/db';
import { planStages, type Stage } from '../../domain/index.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { autoAssignJob } from './auto-assign-job.ts';
import { queuePlan } from './queue-plan.ts';

/**
 * The schedule's side of a stage move, in the move's transaction: a job entering or
 * leaving the planned stages (scheduled, on its machine) queues a re-plan; one entering
 * `scheduled` gets a machine at once. Finished, held and cancelled jobs leave the plan.
 */
export async function afterJobMoved(tx: Tx, boss: QueueClient, move: { shopId: string; jobId: string; from: Stage; to: Stage; at: Date }): Promise<void> {
  const stages = planStages(await loadShopWorkflow(tx, move.shopId));
  const planned = (key: string) => stages.queued.includes(key) || key === stages.running;
  if (!planned(move.from.key) && !planned(move.to.key)) return;
  if (move.to.key === 'scheduled') await autoAssignJob(tx, { shopId: move.shopId, jobId: move.jobId, at: move.at });
  await queuePlan(tx, boss, move.shopId);
}
