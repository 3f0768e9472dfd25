import { sql } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { fromAxisMinutes, type PlannedDuration, type Schedule } from '../../domain/index.ts';

export interface PlanRows {
  shopId: string;
  at: Date;
  schedule: Schedule;
  /** Every job the plan looked at (planned, unscheduled or unplannable). */
  jobIds: readonly string[];
  durations: ReadonlyMap<string, PlannedDuration>;
  unplannable: readonly { jobId: string; reason: string; detail: string }[];
  /** Stages whose jobs keep their machine when they leave the plan (active and done: the machine made them). */
  keepMachineIn: readonly string[];
  /** Stages of jobs still to go through a machine (queued and held): one of them unplanned leaves its order without an ETA. */
  waitingStages: readonly string[];
  /** Jobs on their machine, and which: they stay there whatever the plan says. */
  runningOn: ReadonlyMap<string, string>;
}

const iso = (minutes: number) => new Date(fromAxisMinutes(minutes)).toISOString();

/**
 * Writes the plan onto the jobs and the ETAs onto the orders, and appends an
 * `eta_changed` order event for each order whose ETA moved (with old → new), all in the
 * caller's transaction. Returns the orders whose ETA changed, and whether each has a promised date.
 */
export async function persistPlan(tx: Tx, plan: PlanRows): Promise<EtaChangedOrder[]> {
  // A job whose machine stopped mid-run is planned elsewhere or not at all, but is still on that machine.
  const onItsMachine = new Set(plan.schedule.jobs.filter((p) => plan.runningOn.get(p.jobId) === p.machineId).map((p) => p.jobId));
  const interrupted = [...plan.runningOn.keys()].filter((jobId) => plan.durations.has(jobId) && !onItsMachine.has(jobId));
  const planned = (jobId: string) => !interrupted.includes(jobId);
  const rows = [
    ...plan.schedule.jobs.filter((p) => planned(p.jobId)).map((p) => ({
      id: p.jobId,
      machine_id: p.machineId,
      sequence: p.sequence,
      planned_start: iso(p.start),
      planned_end: iso(p.end),
      setup_minutes: Math.round(p.setup),
      duration_minutes: plan.durations.get(p.jobId)?.minutes ?? null,
      duration_source: plan.durations.get(p.jobId)?.source ?? null,
      unscheduled_reason: null,
      unscheduled_detail: null,
    })),
    ...[...plan.schedule.unscheduled, ...plan.unplannable].filter((u) => planned(u.jobId)).map((u) => ({
      id: u.jobId,
      machine_id: null,
      sequence: null,
      planned_start: null,
      planned_end: null,
      setup_minutes: null,
      duration_minutes: plan.durations.get(u.jobId)?.minutes ?? null,
      duration_source: plan.durations.get(u.jobId)?.source ?? null,
      unscheduled_reason: u.reason,
      unscheduled_detail: u.detail,
    })),
    ...interrupted.map((jobId) => ({
      id: jobId,
      machine_id: plan.runningOn.get(jobId)!,
      sequence: null,
      planned_start: null,
      planned_end: null,
      setup_minutes: null,
      duration_minutes: plan.durations.get(jobId)?.minutes ?? null,
      duration_source: plan.durations.get(jobId)?.source ?? null,
      unscheduled_reason: 'interrupted',
      unscheduled_detail: 'its machine stopped while it ran: move it back to the scheduled stage to plan it on another machine',
    })),
  ];
  const j = schema.jobs;
  // Jobs that left the plan since: no planned times; queued or held ones no machine either.
  // Only rows that change: a shop's finished jobs keep their machine and are not rewritten.
  const keep = sql.param([...plan.keepMachineIn]);
  await tx.execute(sql`
    update ${j} set planned_start = null, planned_end = null, sequence = null, setup_minutes = null, unscheduled_reason = null, unscheduled_detail = null,
      machine_id = case when ${j.stageKey} = any(${keep}::text[]) then ${j.machineId} else null end
    where ${j.shopId} = ${plan.shopId} and not (${j.id} = any(${sql.param([...plan.jobIds])}::uuid[]))
      and (${j.plannedStart} is not null or ${j.plannedEnd} is not null or ${j.sequence} is not null or ${j.setupMinutes} is not null
        or ${j.unscheduledReason} is not null or (${j.machineId} is not null and not (${j.stageKey} = any(${keep}::text[]))))`);
  if (rows.length > 0) {
    await tx.execute(sql`
      update ${j} set machine_id = v.machine_id, sequence = v.sequence, planned_start = v.planned_start, planned_end = v.planned_end,
        setup_minutes = v.setup_minutes, duration_minutes = v.duration_minutes, duration_source = v.duration_source,
        unscheduled_reason = v.unscheduled_reason, unscheduled_detail = v.unscheduled_detail
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, machine_id uuid, sequence int, planned_start timestamptz, planned_end timestamptz,
        setup_minutes int, duration_minutes int, duration_source text, unscheduled_reason text, unscheduled_detail text)
      where ${j.shopId} = ${plan.shopId} and ${j.id} = v.id`);
  }
  return recordOrderEtas(tx, plan.shopId, plan.at, plan.waitingStages);
}

/**
 * An order's ETA is the latest planned end of its jobs, when every job that still has
 * to go through a machine is planned; else it has none (an honest "not known yet").
 */
async function recordOrderEtas(tx: Tx, shopId: string, at: Date, waitingStages: readonly string[]): Promise<EtaChangedOrder[]> {
  const changed = await tx.execute<{ id: string; old: number | null; eta: number | null; promised: boolean }>(sql`
    with relevant as (
      select order_id, planned_end, planned_end is null as blocking from ${schema.jobs}
      where shop_id = ${shopId} and deleted_at is null
        and (planned_end is not null or stage_key = any(${sql.param([...waitingStages])}::text[]) or unscheduled_reason is not null)
    ), etas as (
      select order_id, case when bool_or(blocking) then null else max(planned_end) end as eta from relevant group by order_id
    ), changed as (
      select o.id, o.eta as old, e.eta, o.promised_at is not null as promised from ${schema.orders} o left join etas e on e.order_id = o.id
      where o.shop_id = ${shopId} and o.deleted_at is null and (o.eta is not null or e.eta is not null) and o.eta is distinct from e.eta
    ), updated as (
      update ${schema.orders} o set eta = changed.eta from changed where o.shop_id = ${shopId} and o.id = changed.id returning o.id
    )
    select id, (extract(epoch from old) * 1000)::float8 as old, (extract(epoch from eta) * 1000)::float8 as eta, promised from changed`);
  const list = [...changed];
  if (list.length === 0) return [];
  const show = (ms: number | null) => (ms === null ? 'none' : new Date(Number(ms)).toISOString());
  await tx.insert(schema.orderEvents).values(
    list.map((row) => ({ shopId, orderId: row.id, at, actor: 'scheduler', kind: 'eta_changed', note: `ETA ${show(row.old)} → ${show(row.eta)}` })),
  );
  return list.map((row) => ({ orderId: row.id, promised: row.promised }));
}

export interface EtaChangedOrder {
  orderId: string;
  /** Only an order with a promised date can become (or stop being) delayed. */
  promised: boolean;
}
