import { sql } from 'drizzle-orm';
import type { Tx } from '@pressline/db';
import type { ReportWindow } from './report-window.ts';

/**
 * Jobs finished per day (UTC): the first time each job entered one of `doneStages`.
 */
export async function throughputPerDay(tx: Tx, shopId: string, window: ReportWindow, doneStages: readonly string[]): Promise<{ day: string; jobs: number }[]> {
  const rows = await tx.execute<{ day: string; jobs: number }>(sql`
    with done as (
      select job_id, min(at) as at from job_events
      where shop_id = ${shopId} and kind = 'transition' and to_stage = any(${toArray(doneStages)}::text[])
      group by job_id
    )
    select to_char(date_trunc('day', at at time zone 'UTC'), 'YYYY-MM-DD') as day, count(*)::int as jobs
    from done where at >= ${window.since.toISOString()}::timestamptz and at < ${window.until.toISOString()}::timestamptz
    group by 1 order by 1`);
  return [...rows];
}

export interface OnTime {
  /** Jobs with a due date finished in the window. */
  finished: number;
  onTime: number;
  /** onTime / finished; null when nothing with a due date finished. */
  rate: number | null;
}

/** Jobs finished by their due date, of those with one that finished in the window. */
export async function onTimeRate(tx: Tx, shopId: string, window: ReportWindow, doneStages: readonly string[]): Promise<OnTime> {
  const [row] = await tx.execute<{ finished: number; on_time: number }>(sql`
    with done as (
      select job_id, min(at) as at from job_events
      where shop_id = ${shopId} and kind = 'transition' and to_stage = any(${toArray(doneStages)}::text[])
      group by job_id
    )
    select count(*)::int as finished, count(*) filter (where d.at <= j.due_at)::int as on_time
    from done d join jobs j on j.shop_id = ${shopId} and j.id = d.job_id
    where j.due_at is not null and d.at >= ${window.since.toISOString()}::timestamptz and d.at < ${window.until.toISOString()}::timestamptz`);
  const finished = row?.finished ?? 0;
  const onTime = row?.on_time ?? 0;
  return { finished, onTime, rate: finished === 0 ? null : onTime / finished };
}

export interface Turnaround {
  /** The product as the storefront names it (its order lines' title). */
  product: string;
  jobs: number;
  medianSeconds: number;
  p90Seconds: number;
}

/** From a job's creation to its first done stage, by the product of its first item. */
export async function turnaroundByProduct(tx: Tx, shopId: string, window: ReportWindow, doneStages: readonly string[]): Promise<Turnaround[]> {
  const rows = await tx.execute<{ product: string; jobs: number; median: number; p90: number }>(sql`
    with done as (
      select job_id, min(at) as at from job_events
      where shop_id = ${shopId} and kind = 'transition' and to_stage = any(${toArray(doneStages)}::text[])
      group by job_id
    ),
    product as (
      select distinct on (i.job_id) i.job_id, l.title
      from job_items i join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
      where i.shop_id = ${shopId}
      order by i.job_id, i.created_at, i.id
    )
    select p.title as product, count(*)::int as jobs,
      percentile_cont(0.5) within group (order by extract(epoch from d.at - j.created_at))::float8 as median,
      percentile_cont(0.9) within group (order by extract(epoch from d.at - j.created_at))::float8 as p90
    from done d join jobs j on j.shop_id = ${shopId} and j.id = d.job_id join product p on p.job_id = d.job_id
    where d.at >= ${window.since.toISOString()}::timestamptz and d.at < ${window.until.toISOString()}::timestamptz
    group by p.title order by median desc`);
  return rows.map((row) => ({ product: row.product, jobs: row.jobs, medianSeconds: row.median, p90Seconds: row.p90 }));
}

/** A Postgres array literal of plain stage keys (workflow keys are lowercase snake_case). */
function toArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '')}"`).join(',')}}`;
}
