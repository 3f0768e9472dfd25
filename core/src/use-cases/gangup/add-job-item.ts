import { and, eq } from 'drizzle-orm';
import { schema, type QueueClient, type Tx } from '@pressline/db';
import { footprintOf, formatJobNumber, groupKeyOf, stageByKey, targetKindOf } from '../../domain/index.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { jobFilesOf, preflightCounts } from '../preflight/job-file-reads.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { loadGangRules } from './gang-rules.ts';
import { runLabel } from './impose-gang-run.ts';
import { jobMakings } from './job-profiles.ts';
import { moveServedJobs } from './move-served-jobs.ts';
import { jobsInOpenRuns, lineAccounts, type GangRunItemRow, type GangRunRow } from './run-reads.ts';

/**
 * Brings a job item not yet in a planned run into it (with no copies placed yet): the same
 * checks as creating a run, and its job moves to the run's stage.
 */
export async function addJobItemToRun(tx: Tx, input: { run: GangRunRow; jobItemId: string; actor: string; at: Date; boss: QueueClient }): Promise<GangRunItemRow> {
  const { run } = input;
  const { shopId } = run;
  const [item] = await tx.select().from(schema.jobItems).where(and(eq(schema.jobItems.shopId, shopId), eq(schema.jobItems.id, input.jobItemId)));
  if (!item) throw new NotFoundError('Job item');
  const [job] = await tx.select().from(schema.jobs).where(and(eq(schema.jobs.shopId, shopId), eq(schema.jobs.id, item.jobId))).for('update');
  if (!job || job.deletedAt) throw new NotFoundError('Job');
  const name = formatJobNumber(job.number);
  const [workflow, rules, makings, files] = await Promise.all([loadShopWorkflow(tx, shopId), loadGangRules(tx, shopId), jobMakings(tx, shopId, [job.id]), jobFilesOf(tx, shopId, [job.id])]);
  const served = await tx.select().from(schema.gangRunJobs).where(and(eq(schema.gangRunJobs.shopId, shopId), eq(schema.gangRunJobs.runId, run.id), eq(schema.gangRunJobs.jobId, job.id)));
  if (served.length === 0 && (await jobsInOpenRuns(tx, shopId, [job.id])).has(job.id)) throw new BadRequestError(`${name} is already in another planned or running gang run`);
  const made = makings.get(job.id)?.made;
  if (!made || !made.profile.gangable) throw new BadRequestError(`${name} cannot be ganged (no gangable profile)`);
  if (groupKeyOf({ ...made.profile, colorMode: made.rules.colorMode }) !== run.groupKey) throw new BadRequestError(`${name} differs from the run in process, material, finishing or colour`);
  const counts = preflightCounts(files);
  if (counts.errors > 0 || counts.pending > 0) throw new BadRequestError(`${name}: preflight has not passed`);
  const category = stageByKey(workflow, job.stageKey)?.category;
  if (category !== 'queued' && category !== 'active') throw new BadRequestError(`${name} is ${job.stageKey}, not waiting for production`);
  const design = files.filter((f) => f.role === 'design');
  const file = design.find((f) => f.orderLineId === item.orderLineId) ?? design[0] ?? null;
  const footprint = footprintOf(made.rules.trimMm, file?.report?.facts);
  if (!footprint) throw new BadRequestError(`${name}: no trim size in the profile and no measured footprint in the file`);
  const account = (await lineAccounts(tx, shopId, [item.orderLineId])).get(item.orderLineId);

  const [row] = await tx
    .insert(schema.gangRunItems)
    .values({
      shopId,
      runId: run.id,
      jobId: job.id,
      jobItemId: item.id,
      orderLineId: item.orderLineId,
      fileId: file?.file.id ?? null,
      widthMm: footprint.width,
      heightMm: footprint.height,
      rotatable: targetKindOf(made.profile.process) === 'plate',
      copies: 0,
      remake: (account?.spoiled ?? 0) > 0,
    })
    .returning();
  if (served.length === 0) {
    await tx.insert(schema.gangRunJobs).values({ shopId, runId: run.id, jobId: job.id });
    await moveServedJobs(tx, { shopId, workflow, jobIds: [job.id], to: rules.plannedStage, actor: input.actor, at: input.at, note: `${runLabel(run)}: added by the operator`, strict: true, onlyCategories: ['queued'], boss: input.boss });
  }
  return row!;
}
