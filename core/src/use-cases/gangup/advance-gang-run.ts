import { and, eq } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { ConflictError } from '../../errors.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { loadGangRules } from './gang-rules.ts';
import { ensureImposed, runLabel } from './impose-gang-run.ts';
import { moveServedJobs } from './move-served-jobs.ts';
import { loadRun, runJobIds, type GangRunRow } from './run-reads.ts';

type RunStatus = GangRunRow['status'];

export interface AdvanceGangRunInput {
  shopId: string;
  runId: string;
  actor: string;
}

const NEXT: Record<'start' | 'finish' | 'cancel', { from: RunStatus[]; to: RunStatus }> = {
  start: { from: ['planned'], to: 'running' },
  finish: { from: ['planned', 'running'], to: 'finished' },
  cancel: { from: ['planned', 'running'], to: 'cancelled' },
};

/**
 * Starts, finishes or cancels a run. Starting moves its jobs into production; finishing
 * moves them on (every placed copy counts as made until spoilage is recorded); both go
 * through the workflow's transitions with audit events. A cancelled run's jobs stay
 * where they are and may be ganged again.
 */
export async function advanceGangRun(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock' | 'files'>, input: AdvanceGangRunInput, step: 'start' | 'finish' | 'cancel'): Promise<GangRunRow> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const at = deps.clock();
    const run = await loadRun(tx, input.shopId, input.runId, true);
    const rule = NEXT[step];
    if (!rule.from.includes(run.status)) throw new ConflictError(`The gang run is ${run.status}; it cannot be ${step === 'cancel' ? 'cancelled' : `${step}ed`}`);
    const [updated] = await tx
      .update(schema.gangRuns)
      .set({
        status: rule.to,
        updatedAt: at,
        ...(step === 'start' ? { startedAt: at } : {}),
        ...(step === 'finish' ? { finishedAt: at, startedAt: run.startedAt ?? at } : {}),
      })
      .where(and(eq(schema.gangRuns.shopId, input.shopId), eq(schema.gangRuns.id, run.id)))
      .returning();
    if (step !== 'cancel') {
      const [workflow, rules, served] = await Promise.all([loadShopWorkflow(tx, input.shopId), loadGangRules(tx, input.shopId), runJobIds(tx, input.shopId, [run.id])]);
      const jobIds = served.map((row) => row.jobId);
      const note = `${runLabel(run)} ${step === 'start' ? 'started' : 'finished'}`;
      if (step === 'start') {
        // The press gets the current layout: re-impose one a cancellation changed.
        await ensureImposed(deps, tx, updated!);
        await moveServedJobs(tx, { shopId: input.shopId, workflow, jobIds, to: rules.runningStage, actor: input.actor, at, note, strict: true, onlyCategories: ['queued'], boss: deps.boss });
      } else {
        // A job moved on by hand (or already further, for a remake) is left where it is.
        await moveServedJobs(tx, { shopId: input.shopId, workflow, jobIds, to: rules.finishedStage, actor: input.actor, at, note, strict: false, boss: deps.boss });
      }
    }
    return updated!;
  });
}
