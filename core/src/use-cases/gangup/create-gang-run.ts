import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { footprintOf, formatJobNumber, groupKeyOf, packGangUp, packingArea, stageByKey, targetKindOf, type GangTarget } from '../../domain/index.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { jobFilesOf, preflightCounts, type JobFileView } from '../preflight/job-file-reads.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { loadGangRules } from './gang-rules.ts';
import { imposeGangRun, runLabel } from './impose-gang-run.ts';
import { jobMakings } from './job-profiles.ts';
import { moveServedJobs } from './move-served-jobs.ts';
import { jobsInOpenRuns, lineAccounts, loadRun } from './run-reads.ts';
import { placedCopies, storeLayout } from './store-layout.ts';
import { validateRunGeometry } from './run-geometry.ts';

export interface CreateGangRunInput {
  shopId: string;
  jobIds: readonly string[];
  /** The physical sheet, roll or build plate, mm. */
  target: GangTarget;
  /** Clear space between neighbours' bleed, mm; 2 when absent. */
  gutter?: number | null;
  /** Bleed kept around every item, mm; the profiles' largest minimum when absent. */
  bleed?: number | null;
  allowRotation?: boolean | null;
  actor: string;
}

const MAX_JOBS = 500;

/**
 * Packs compatible jobs onto shared sheets (or a roll, or build plates), stores every
 * placement with its item, order line and job, moves the jobs to the run's stage through
 * the workflow, and imposes the output. Each line gets the copies it still owes.
 */
export async function createGangRun(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock' | 'files'>, input: CreateGangRunInput): Promise<{ runId: string }> {
  const jobIds = [...new Set(input.jobIds)];
  if (jobIds.length === 0) throw new BadRequestError('A gang run needs at least one job');
  if (jobIds.length > MAX_JOBS) throw new BadRequestError(`A gang run takes at most ${MAX_JOBS} jobs`);
  return withShop(deps.db, input.shopId, async (tx) => {
    const at = deps.clock();
    const { shopId } = input;
    const jobs = await lockJobs(tx, shopId, jobIds);
    const [workflow, rules, makings, files, busy] = await Promise.all([
      loadShopWorkflow(tx, shopId),
      loadGangRules(tx, shopId),
      jobMakings(tx, shopId, jobIds),
      jobFilesOf(tx, shopId, jobIds),
      jobsInOpenRuns(tx, shopId, jobIds),
    ]);
    const problems: string[] = [];
    const keys = new Set<string>();
    let minBleed = 0;
    for (const job of jobs) {
      const name = formatJobNumber(job.number);
      const made = makings.get(job.id)?.made;
      const category = stageByKey(workflow, job.stageKey)?.category;
      const own = files.filter((f) => f.jobId === job.id);
      const preflight = { ...preflightCounts(own), design: own.filter((f) => f.role === 'design').length };
      if (busy.has(job.id)) problems.push(`${name} is already in a planned or running gang run`);
      else if (category !== 'queued' && category !== 'active') problems.push(`${name} is ${job.stageKey}, not waiting for production`);
      if (!made) problems.push(`${name} has no production profile (or its lines have different ones)`);
      else if (!made.profile.gangable) problems.push(`${name}: profile "${made.profile.name}" does not allow ganging`);
      else {
        keys.add(groupKeyOf({ ...made.profile, colorMode: made.rules.colorMode }));
        minBleed = Math.max(minBleed, made.rules.minBleedMm);
      }
      if (preflight.errors > 0 || preflight.pending > 0 || preflight.design === 0) problems.push(`${name}: preflight has not passed`);
    }
    if (problems.length > 0) throw new BadRequestError(`These jobs cannot be ganged: ${problems.join('; ')}`, { problems });
    if (keys.size > 1) throw new BadRequestError('These jobs differ in process, material, finishing or colour and cannot share a run');
    const groupKey = [...keys][0]!;
    const process = makings.get(jobs[0]!.id)!.made!.profile.process;
    if (input.target.kind !== targetKindOf(process)) throw new BadRequestError(`${process} jobs gang onto a ${targetKindOf(process)}, not a ${input.target.kind}`);
    const gutter = input.gutter ?? 2;
    const bleed = input.bleed ?? minBleed;
    validateRunGeometry(input.target, gutter, bleed);
    const area = packingArea(input.target)!;

    // Each job item gets the copies its line still owes and no run is making yet.
    const items = jobs.flatMap((job) => makings.get(job.id)!.items.map((item) => ({ job, item, rules: makings.get(job.id)!.made!.rules })));
    const accounts = await lineAccounts(tx, shopId, items.map((entry) => entry.item.orderLineId));
    // A line split over several jobs shares what it owes among their items, never more.
    const unplanned = new Map([...accounts].map(([lineId, account]) => [lineId, account.unplanned]));
    const planned = items
      .map((entry) => {
        const account = accounts.get(entry.item.orderLineId)!;
        const copies = Math.min(entry.item.quantity, unplanned.get(entry.item.orderLineId) ?? 0);
        unplanned.set(entry.item.orderLineId, (unplanned.get(entry.item.orderLineId) ?? 0) - copies);
        const file = designFileOf(files, entry.job.id, entry.item.orderLineId);
        return { ...entry, id: randomUUID(), copies, remake: account.spoiled > 0, file, trim: footprintOf(entry.rules.trimMm, file?.report?.facts) };
      })
      .filter((entry) => entry.copies > 0);
    const unsized = planned.filter((entry) => !entry.trim);
    if (unsized.length > 0) throw new BadRequestError(`${unsized.map((e) => formatJobNumber(e.job.number)).join(', ')}: no trim size in the profile and no measured footprint in the file`);
    // Parts on a build plate may turn freely; printed artwork only when the operator allows it.
    const rotatable = targetKindOf(process) === 'plate' || input.allowRotation === true;
    if (planned.length === 0) throw new BadRequestError('Every line of these jobs is already made or in a run');
    const needsPdf = targetKindOf(process) !== 'plate' && process !== 'laser' && process !== 'cnc';
    const noArtwork = planned.filter((entry) => needsPdf && entry.file?.report?.kind !== 'pdf');
    if (noArtwork.length > 0) throw new BadRequestError(`${noArtwork.map((e) => formatJobNumber(e.job.number)).join(', ')}: no PDF design file to impose`);

    const packed = packGangUp(
      { target: area, gutter, bleed, items: planned.map((entry) => ({ id: entry.id, width: entry.trim!.width, height: entry.trim!.height, quantity: entry.copies, rotatable })) },
      { maxIterations: 200, seed: 1 },
    );
    if (!packed.ok) throw new BadRequestError(`The layout cannot be made: ${packed.problems.join('; ')}`, { problems: packed.problems });
    if (packed.unplaced.length > 0) throw new BadRequestError(`Some items do not fit the ${input.target.kind} with their bleed: ${packed.unplaced.length} item(s) too large`);

    const [inserted] = await tx
      .insert(schema.gangRuns)
      .values({ shopId, groupKey, target: { ...input.target }, gutterMm: gutter, bleedMm: bleed, sheets: 0, utilization: 0, layoutVersion: 0, createdBy: input.actor })
      .returning();
    if (!inserted) throw new Error('inserting a gang run returned no row');
    const servedJobs = [...new Set(planned.map((entry) => entry.job.id))];
    await tx.insert(schema.gangRunJobs).values(servedJobs.map((jobId) => ({ shopId, runId: inserted.id, jobId })));
    const itemRows = await tx
      .insert(schema.gangRunItems)
      .values(
        planned.map((entry) => ({
          id: entry.id,
          shopId,
          runId: inserted.id,
          jobId: entry.job.id,
          jobItemId: entry.item.id,
          orderLineId: entry.item.orderLineId,
          fileId: entry.file?.file.id ?? null,
          widthMm: entry.trim!.width,
          heightMm: entry.trim!.height,
          rotatable,
          copies: entry.copies,
          remake: entry.remake,
        })),
      )
      .returning();
    const placed = placedCopies(packed);
    const sheets = packed.layout.kind === 'sheets' ? packed.layout.sheets.length : 1;
    const rollLength = packed.layout.kind === 'roll' ? packed.layout.length : null;
    const run = await storeLayout(tx, inserted, itemRows, { placements: placed, sheets, rollLength, utilization: packed.utilization }, at);
    await moveServedJobs(tx, { shopId, workflow, jobIds: servedJobs, to: rules.plannedStage, actor: input.actor, at, note: `${runLabel(run)} planned`, strict: true, onlyCategories: ['queued'], boss: deps.boss });
    await imposeGangRun(deps, tx, await loadRun(tx, shopId, run.id));
    return { runId: run.id };
  });
}

async function lockJobs(tx: Tx, shopId: string, jobIds: readonly string[]) {
  const j = schema.jobs;
  const rows = await tx.select().from(j).where(and(eq(j.shopId, shopId), inArray(j.id, [...jobIds]), isNull(j.deletedAt))).orderBy(j.number).for('update');
  if (rows.length !== jobIds.length) throw new NotFoundError(`${jobIds.length - rows.length} of the jobs were`);
  return rows;
}

/** The design file printed for a line: the one linked to the line, else the job's first design file. */
function designFileOf(files: readonly JobFileView[], jobId: string, orderLineId: string): JobFileView | null {
  const design = files.filter((f) => f.jobId === jobId && f.role === 'design');
  return design.find((f) => f.orderLineId === orderLineId) ?? design[0] ?? null;
}
