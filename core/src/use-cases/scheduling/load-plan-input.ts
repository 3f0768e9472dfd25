import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import {
  planStages,
  profileForLine,
  type MachineCalendar,
  type MachineSizeMm,
  type PlanJob,
  type PlanMachine,
  type PlanProfile,
  type PlanStages,
  type Schedule,
  type SchedulingProblem,
  type SetupMatrix,
  type TimeModel,
} from '../../domain/index.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { jobPartsOf } from './job-parts.ts';
import { listProductionProfiles } from '../profiles/save-profile.ts';

export type MachineRow = typeof schema.machines.$inferSelect;
type ProfileRow = typeof schema.productionProfiles.$inferSelect;

export interface PlanInput {
  stages: PlanStages;
  machines: PlanMachine[];
  jobs: PlanJob[];
  setupMatrix: SetupMatrix;
  /** The last plan, the start of an incremental re-plan. */
  previous: { problem: SchedulingProblem; schedule: Schedule } | null;
}

export function planMachineOf(row: MachineRow): PlanMachine {
  return {
    id: row.id,
    processes: row.processes,
    materials: row.materials,
    capabilities: row.capabilities,
    maxSizeMm: (row.maxSizeMm as MachineSizeMm | null) ?? null,
    timeFactor: row.timeFactor,
    calendar: (row.calendar as MachineCalendar | null) ?? null,
    state: row.state,
    lockedSequence: row.lockedSequence,
    manualOrder: row.manualOrder,
  };
}

function trimOf(rules: Record<string, unknown>): { width: number; height: number } | null {
  const trim = rules['trimMm'] as { width?: unknown; height?: unknown } | undefined;
  return trim && typeof trim.width === 'number' && typeof trim.height === 'number' ? { width: trim.width, height: trim.height } : null;
}

function planProfileOf(row: ProfileRow): PlanProfile {
  return {
    process: row.process,
    material: row.material,
    requiredCapabilities: row.requiredCapabilities,
    setupFamily: row.setupFamily,
    timeModel: (row.timeModel as TimeModel | null) ?? null,
    trimMm: trimOf(row.rules),
  };
}

export function loadMachineRows(tx: Tx, shopId: string): Promise<MachineRow[]> {
  const m = schema.machines;
  return tx.select().from(m).where(and(eq(m.shopId, shopId), isNull(m.deletedAt))).orderBy(asc(m.position), asc(m.name), asc(m.id));
}

/**
 * Everything a re-plan looks at: the shop's machines, its jobs waiting for or on a
 * machine (with quantity, production profile, due date, pins, when a running job
 * started and the size of its 3D parts) and the last plan. The job's profile is its first line's.
 */
export async function loadPlanInput(tx: Tx, shopId: string): Promise<PlanInput> {
  const stages = planStages(await loadShopWorkflow(tx, shopId));
  const machineRows = await loadMachineRows(tx, shopId);
  const keys = [...stages.queued, ...(stages.running ? [stages.running] : [])];
  const j = schema.jobs;
  const o = schema.orders;
  const joined =
    keys.length === 0
      ? []
      : await tx
          .select({ job: j, promisedAt: o.promisedAt })
          .from(j)
          .innerJoin(o, and(eq(o.shopId, j.shopId), eq(o.id, j.orderId)))
          .where(and(eq(j.shopId, shopId), isNull(j.deletedAt), inArray(j.stageKey, keys)))
          .orderBy(asc(j.number));
  // A job in production without a machine is made somewhere the schedule does not model (by hand, elsewhere).
  const jobRows = joined.map((row) => row.job).filter((row) => row.stageKey !== stages.running || row.machineId !== null || stages.queued.includes(row.stageKey));
  const promised = new Map(joined.map((row) => [row.job.id, row.promisedAt]));
  const jobIds = jobRows.map((row) => row.id);

  const items =
    jobIds.length === 0
      ? []
      : await tx
          .select({ jobId: schema.jobItems.jobId, quantity: schema.jobItems.quantity, sku: schema.orderLines.sku, productExternalId: schema.orderLines.productExternalId, variantExternalId: schema.orderLines.variantExternalId })
          .from(schema.jobItems)
          .innerJoin(schema.orderLines, and(eq(schema.orderLines.shopId, schema.jobItems.shopId), eq(schema.orderLines.id, schema.jobItems.orderLineId)))
          .where(and(eq(schema.jobItems.shopId, shopId), inArray(schema.jobItems.jobId, jobIds)))
          .orderBy(asc(schema.jobItems.createdAt), asc(schema.jobItems.id));
  const profiles = await listProductionProfiles(tx, shopId);

  const runningIds = jobRows.filter((row) => row.stageKey === stages.running && row.machineId).map((row) => row.id);
  const starts = new Map<string, Date>();
  if (runningIds.length > 0 && stages.running) {
    const e = schema.jobEvents;
    const events = await tx
      .select({ jobId: e.jobId, at: e.at })
      .from(e)
      .where(and(eq(e.shopId, shopId), inArray(e.jobId, runningIds), eq(e.kind, 'transition'), eq(e.toStage, stages.running)))
      .orderBy(desc(e.id));
    for (const event of events) if (!starts.has(event.jobId)) starts.set(event.jobId, event.at);
  }

  // A checked 3D design file's bounding box: the job needs a printer it fits.
  const partsOf = await jobPartsOf(tx, shopId, jobIds);

  const itemsOf = new Map<string, typeof items>();
  for (const item of items) itemsOf.set(item.jobId, [...(itemsOf.get(item.jobId) ?? []), item]);
  const jobs: PlanJob[] = jobRows.map((row) => {
    const own = itemsOf.get(row.id) ?? [];
    const profile = own[0] ? profileForLine(profiles, own[0]) : null;
    const start = starts.get(row.id);
    return {
      id: row.id,
      quantity: own.reduce((sum, item) => sum + item.quantity, 0),
      profile: profile ? planProfileOf(profile) : null,
      // The job's own due date, else the date promised to the customer for its order.
      dueMs: (row.dueAt ?? promised.get(row.id))?.getTime() ?? null,
      rush: row.rush,
      priority: row.priority,
      pinnedMachineId: row.pinnedMachineId,
      running: row.stageKey === stages.running && row.machineId ? { machineId: row.machineId, startMs: (start ?? row.updatedAt).getTime() } : null,
      partsMm: partsOf.get(row.id) ?? [],
    };
  });

  const [stored] = await tx.select().from(schema.shopSchedules).where(eq(schema.shopSchedules.shopId, shopId));
  const previous = stored?.problem && stored.schedule ? { problem: stored.problem as SchedulingProblem, schedule: stored.schedule as Schedule } : null;
  return { stages, machines: machineRows.map(planMachineOf), jobs, setupMatrix: (stored?.setupMatrix ?? {}) as SetupMatrix, previous };
}
