import type postgres from 'postgres';

const TABLES = ['shops', 'api_keys', 'orders', 'order_lines', 'jobs', 'job_items', 'job_events', 'order_events', 'webhook_deliveries', 'outbox'] as const;

export type RowCounts = Record<(typeof TABLES)[number] | 'queued_jobs', number>;

/** Every table's row count, as the owner sees it (all tenants), plus pg-boss jobs. */
export async function rowCounts(owner: postgres.Sql): Promise<RowCounts> {
  const counts = {} as RowCounts;
  for (const table of TABLES) {
    const [row] = await owner.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    counts[table] = row?.n ?? 0;
  }
  const [queued] = await owner.unsafe<{ n: number }[]>(`select count(*)::int as n from pgboss.job where name = 'intake-delivery'`);
  counts.queued_jobs = queued?.n ?? 0;
  return counts;
}
