import { sql } from 'drizzle-orm';
import type { Tx } from '@pressline/db';
import type { ReportWindow } from './report-window.ts';

export interface StageTime {
  stage: string;
  /** Stays that ended in the window. */
  count: number;
  medianSeconds: number;
  p90Seconds: number;
  totalSeconds: number;
}

/**
 * Time spent in each stage, from the audit trail: a stay starts with the event that
 * entered the stage and ends with the job's next move. Only finished stays count.
 */
export async function stageTimes(tx: Tx, shopId: string, window: ReportWindow): Promise<StageTime[]> {
  const rows = await tx.execute<{ stage: string; count: number; median: number; p90: number; total: number }>(sql`
    with stays as (
      select to_stage as stage, at, lead(at) over (partition by job_id order by id) as left_at
      from job_events
      where shop_id = ${shopId} and kind in ('created', 'transition')
    )
    select stage, count(*)::int as count,
      percentile_cont(0.5) within group (order by extract(epoch from left_at - at))::float8 as median,
      percentile_cont(0.9) within group (order by extract(epoch from left_at - at))::float8 as p90,
      sum(extract(epoch from left_at - at))::float8 as total
    from stays
    where left_at is not null and left_at >= ${window.since.toISOString()}::timestamptz and left_at < ${window.until.toISOString()}::timestamptz
    group by stage
    order by total desc`);
  return rows.map((row) => ({ stage: row.stage, count: row.count, medianSeconds: row.median, p90Seconds: row.p90, totalSeconds: row.total }));
}

export interface Bottleneck {
  stage: string;
  /** Jobs in the stage now. */
  waiting: number;
  /** How long the longest-waiting of them has been there. */
  oldestWaitingSeconds: number;
  /** p90 of finished stays in the window (0 when none finished). */
  p90Seconds: number;
}

/**
 * Where jobs stall: stages holding jobs now, ranked by how long their oldest job has
 * waited, with the stage's usual p90 beside it so an outlier stands out.
 */
export async function bottlenecks(tx: Tx, shopId: string, window: ReportWindow, now: Date, excluded: readonly string[]): Promise<Bottleneck[]> {
  const rows = await tx.execute<{ stage: string; waiting: number; oldest: number }>(sql`
    with entered as (
      select distinct on (e.job_id) e.job_id, e.at
      from job_events e join jobs j on j.shop_id = e.shop_id and j.id = e.job_id
      where e.shop_id = ${shopId} and e.kind in ('created', 'transition') and e.to_stage = j.stage_key and j.deleted_at is null
      order by e.job_id, e.id desc
    )
    select j.stage_key as stage, count(*)::int as waiting, max(extract(epoch from ${now.toISOString()}::timestamptz - en.at))::float8 as oldest
    from jobs j join entered en on en.job_id = j.id
    where j.shop_id = ${shopId} and j.deleted_at is null
    group by j.stage_key`);
  const typical = new Map((await stageTimes(tx, shopId, window)).map((row) => [row.stage, row.p90Seconds]));
  return rows
    .filter((row) => !excluded.includes(row.stage))
    .map((row) => ({ stage: row.stage, waiting: row.waiting, oldestWaitingSeconds: row.oldest, p90Seconds: typical.get(row.stage) ?? 0 }))
    .sort((a, b) => b.oldestWaitingSeconds - a.oldestWaitingSeconds);
}
