import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { asJobId, jobActivityEvent, planStages } from '../../domain/index.ts';
import { insertJobEvents } from '../jobs/insert-job-events.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import type { MachineRow } from './load-plan-input.ts';
import { queuePlan } from './queue-plan.ts';

type Deps = Pick<CoreDeps, 'db' | 'boss' | 'clock'>;
const m = schema.machines;
const j = schema.jobs;

async function machineOf(tx: Tx, shopId: string, id: string): Promise<MachineRow> {
  const [row] = await tx.select().from(m).where(and(eq(m.shopId, shopId), eq(m.id, id), isNull(m.deletedAt))).for('update');
  if (!row) throw new NotFoundError('Machine');
  return row;
}

async function jobOf(tx: Tx, shopId: string, id: string) {
  const [row] = await tx.select().from(j).where(and(eq(j.shopId, shopId), eq(j.id, id), isNull(j.deletedAt))).for('update');
  if (!row) throw new NotFoundError('Job');
  return row;
}

/** A job belongs to one machine's operator order at most: it leaves every other machine's lists. */
async function dropFromOtherLists(tx: Tx, shopId: string, jobId: string, keep: string | null): Promise<void> {
  await tx
    .update(m)
    .set({ manualOrder: sql`array_remove(${m.manualOrder}, ${jobId}::uuid)`, lockedSequence: sql`array_remove(${m.lockedSequence}, ${jobId}::uuid)` })
    .where(and(eq(m.shopId, shopId), ...(keep ? [ne(m.id, keep)] : []), sql`(${jobId}::uuid = any(${m.manualOrder}) or ${jobId}::uuid = any(coalesce(${m.lockedSequence}, '{}')))`));
}

/** The machine's waiting jobs in planned order (the running job excluded). */
async function waitingQueue(tx: Tx, shopId: string, machineId: string): Promise<string[]> {
  const stages = planStages(await loadShopWorkflow(tx, shopId));
  if (stages.queued.length === 0) return [];
  const rows = await tx
    .select({ id: j.id })
    .from(j)
    .where(and(eq(j.shopId, shopId), eq(j.machineId, machineId), isNull(j.deletedAt), inArray(j.stageKey, stages.queued)))
    .orderBy(sql`${j.sequence} asc nulls last`, asc(j.plannedStart), asc(j.number));
  return rows.map((row) => row.id);
}

/** The operator's change, on the job's audit trail. */
export async function auditScheduleChange(tx: Tx, input: { shopId: string; job: { id: string; stageKey: string }; actor: string; at: Date; note: string }): Promise<void> {
  const { job, ...rest } = input;
  await insertJobEvents(tx, input.shopId, [jobActivityEvent({ jobId: asJobId(job.id), at: rest.at, actor: rest.actor, kind: 'schedule_changed', stage: job.stageKey, note: rest.note })]);
}

/** Pins a job to a machine (null: unpins); the scheduler then never plans it elsewhere. */
export async function pinJob(deps: Deps, input: { shopId: string; jobId: string; machineId: string | null; actor: string }): Promise<void> {
  await withShop(deps.db, input.shopId, async (tx) => {
    const machine = input.machineId ? await machineOf(tx, input.shopId, input.machineId) : null;
    const job = await jobOf(tx, input.shopId, input.jobId);
    const at = deps.clock();
    await tx.update(j).set({ pinnedMachineId: input.machineId, updatedAt: at }).where(and(eq(j.shopId, input.shopId), eq(j.id, input.jobId)));
    await auditScheduleChange(tx, { shopId: input.shopId, job, actor: input.actor, at, note: machine ? `pinned to ${machine.name}` : 'unpinned' });
    if (input.machineId) await dropFromOtherLists(tx, input.shopId, input.jobId, input.machineId);
    await queuePlan(tx, deps.boss, input.shopId);
  });
}

/**
 * Locks a machine's sequence as it is planned now: those jobs run first, in that order;
 * new jobs may only follow them. Unlocking hands the queue back to the scheduler: the
 * lock and any dragged order go.
 */
export async function lockMachineSequence(deps: Deps, input: { shopId: string; machineId: string; locked: boolean }): Promise<MachineRow> {
  return withShop(deps.db, input.shopId, async (tx) => {
    await machineOf(tx, input.shopId, input.machineId);
    const sequence = input.locked ? await waitingQueue(tx, input.shopId, input.machineId) : null;
    const [saved] = await tx
      .update(m)
      .set({ lockedSequence: sequence, ...(input.locked ? {} : { manualOrder: [] }), updatedAt: deps.clock() })
      .where(and(eq(m.shopId, input.shopId), eq(m.id, input.machineId)))
      .returning();
    for (const jobId of sequence ?? []) await dropFromOtherLists(tx, input.shopId, jobId, input.machineId);
    await queuePlan(tx, deps.boss, input.shopId);
    return saved!;
  });
}

/**
 * Puts a waiting job at `position` (0 = next after the running job) of a machine's
 * queue, as an operator drags it: the queue keeps that order (a locked machine's lock
 * becomes it). A pin to another machine is lifted, since the operator chose this one.
 */
export async function moveJobInQueue(deps: Deps, input: { shopId: string; jobId: string; machineId: string; position: number; actor: string }): Promise<void> {
  if (!Number.isInteger(input.position) || input.position < 0) throw new BadRequestError('position: must be a whole number, 0 or more');
  await withShop(deps.db, input.shopId, async (tx) => {
    const machine = await machineOf(tx, input.shopId, input.machineId);
    const job = await jobOf(tx, input.shopId, input.jobId);
    const stages = planStages(await loadShopWorkflow(tx, input.shopId));
    if (!stages.queued.includes(job.stageKey)) throw new BadRequestError(`jobId: the job is in "${job.stageKey}", not waiting in the schedule`);
    const queue = (await waitingQueue(tx, input.shopId, input.machineId)).filter((id) => id !== input.jobId);
    queue.splice(Math.min(input.position, queue.length), 0, input.jobId);
    const at = deps.clock();
    await tx
      .update(m)
      .set(machine.lockedSequence ? { lockedSequence: queue, updatedAt: at } : { manualOrder: queue, updatedAt: at })
      .where(and(eq(m.shopId, input.shopId), eq(m.id, input.machineId)));
    await dropFromOtherLists(tx, input.shopId, input.jobId, input.machineId);
    const unpinned = job.pinnedMachineId !== null && job.pinnedMachineId !== input.machineId;
    if (unpinned) await tx.update(j).set({ pinnedMachineId: null, updatedAt: at }).where(and(eq(j.shopId, input.shopId), eq(j.id, input.jobId)));
    const where = `moved to position ${queue.indexOf(input.jobId) + 1} of ${queue.length} on ${machine.name}${unpinned ? ' (its pin lifted)' : ''}`;
    await auditScheduleChange(tx, { shopId: input.shopId, job, actor: input.actor, at, note: where });
    await queuePlan(tx, deps.boss, input.shopId);
  });
}
