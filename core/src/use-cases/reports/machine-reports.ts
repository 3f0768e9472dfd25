import { sql } from 'drizzle-orm';
import type { Tx } from '@pressline/db';
import type { ReportWindow } from './report-window.ts';

export interface MachineBottleneck {
  machineId: string;
  /** Jobs planned on the machine that have not started (queued stages). */
  waiting: number;
  /** Their working minutes together: the machine's backlog. */
  backlogMinutes: number;
  /** p90 of the production stays (active stages) of its jobs that ended in the window; null when none did. */
  p90ProductionSeconds: number | null;
}

/**
 * Where work piles up by machine: each machine's waiting jobs and backlog now, beside how
 * long its jobs usually stay in production (from the audit trail), the longest backlog first.
 */
export async function machineBottlenecks(tx: Tx, shopId: string, input: { window: ReportWindow; queued: readonly string[]; active: readonly string[] }): Promise<MachineBottleneck[]> {
  const rows = await tx.execute<{ id: string; waiting: number; backlog: number; p90: number | null }>(sql`
    with stays as (
      select job_id, to_stage as stage, at, lead(at) over (partition by job_id order by id) as left_at
      from job_events where shop_id = ${shopId} and kind in ('created', 'transition')
    ), waiting as (
      select machine_id, count(*)::int as waiting, coalesce(sum(duration_minutes), 0)::int as backlog
      from jobs where shop_id = ${shopId} and deleted_at is null and machine_id is not null and stage_key = any(${sql.param([...input.queued])}::text[])
      group by machine_id
    ), production as (
      select j.machine_id, percentile_cont(0.9) within group (order by extract(epoch from s.left_at - s.at))::float8 as p90
      from stays s join jobs j on j.shop_id = ${shopId} and j.id = s.job_id
      where j.machine_id is not null and s.stage = any(${sql.param([...input.active])}::text[]) and s.left_at is not null
        and s.left_at >= ${input.window.since.toISOString()}::timestamptz and s.left_at < ${input.window.until.toISOString()}::timestamptz
      group by j.machine_id
    )
    select m.id, coalesce(w.waiting, 0)::int as waiting, coalesce(w.backlog, 0)::int as backlog, p.p90
    from machines m left join waiting w on w.machine_id = m.id left join production p on p.machine_id = m.id
    where m.shop_id = ${shopId} and m.deleted_at is null
    order by backlog desc, waiting desc, m.name`);
  return rows.map((row) => ({ machineId: row.id, waiting: row.waiting, backlogMinutes: row.backlog, p90ProductionSeconds: row.p90 }));
}
