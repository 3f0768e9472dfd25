import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';

export interface IntakeOutcome {
  deliveriesStored: number;
  byStatus: Record<string, number>;
  /** Unique delivery keys that were sent but never stored. */
  lost: number;
  /** Stored rows past one per unique key. */
  duplicatesStored: number;
  orders: number;
  lines: number;
  jobs: number;
  linesWithoutExactlyOneJob: number;
  /** Workers' span, by the database's own timestamps: first delivery received → last processed. */
  workerSeconds: number;
  /** Last delivery received → last processed: the backlog left when the sender finished. */
  backlogSeconds: number;
  queue: { jobs: number; retried: number; failed: number };
}

/** Polls until no delivery of the shop is pending, or the time is up. */
export async function waitForWorkers(owner: postgres.Sql, shopId: string, timeoutSeconds: number): Promise<{ drained: boolean; pending: number }> {
  const deadline = performance.now() + timeoutSeconds * 1000;
  for (;;) {
    const [row] = await asShop(owner, shopId, (tx) => tx<{ pending: number }[]>`
      select count(*)::int as pending from webhook_deliveries where shop_id = ${shopId} and status = 'pending'`);
    const pending = row?.pending ?? 0;
    if (pending === 0) return { drained: true, pending };
    if (performance.now() > deadline) return { drained: false, pending };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the run left in the database, counted as the owner inside the shop's tenancy. */
export async function collectOutcome(owner: postgres.Sql, shopId: string, uniqueKeys: readonly string[]): Promise<IntakeOutcome> {
  return asShop(owner, shopId, async (tx) => {
    const deliveries = await tx<{ delivery_key: string; status: string }[]>`
      select delivery_key, status from webhook_deliveries where shop_id = ${shopId}`;
    const storedKeys = new Set(deliveries.map((row) => row.delivery_key));
    const byStatus: Record<string, number> = {};
    for (const row of deliveries) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;

    const [counts] = await tx<{ orders: number; lines: number; jobs: number; bad_lines: number; worker_seconds: number | null; backlog_seconds: number | null }[]>`
      select
        (select count(*)::int from orders where shop_id = ${shopId}) as orders,
        (select count(*)::int from order_lines where shop_id = ${shopId}) as lines,
        (select count(*)::int from jobs where shop_id = ${shopId}) as jobs,
        (select count(*)::int from order_lines l
          where l.shop_id = ${shopId}
            and (select count(distinct ji.job_id) from job_items ji where ji.shop_id = l.shop_id and ji.order_line_id = l.id) <> 1
        ) as bad_lines,
        (select extract(epoch from max(processed_at) - min(received_at))::float8 from webhook_deliveries where shop_id = ${shopId}) as worker_seconds,
        (select extract(epoch from max(processed_at) - max(received_at))::float8 from webhook_deliveries where shop_id = ${shopId}) as backlog_seconds`;
    const [queue] = await tx<{ jobs: number; retried: number; failed: number }[]>`
      select count(*)::int as jobs,
             count(*) filter (where retry_count > 0)::int as retried,
             count(*) filter (where state = 'failed')::int as failed
      from pgboss.job where name = 'intake-delivery'`;

    return {
      deliveriesStored: deliveries.length,
      byStatus,
      lost: uniqueKeys.filter((key) => !storedKeys.has(key)).length,
      duplicatesStored: deliveries.length - storedKeys.size,
      orders: counts?.orders ?? 0,
      lines: counts?.lines ?? 0,
      jobs: counts?.jobs ?? 0,
      linesWithoutExactlyOneJob: counts?.bad_lines ?? 0,
      workerSeconds: counts?.worker_seconds ?? Number.NaN,
      backlogSeconds: counts?.backlog_seconds ?? Number.NaN,
      queue: queue ?? { jobs: 0, retried: 0, failed: 0 },
    };
  });
}

/** Row-level security is forced even on the owner unless it is a superuser: set the tenant as the app does. */
function asShop<T>(owner: postgres.Sql, shopId: string, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return owner.begin(async (tx) => {
    await tx`select set_config('pressline.shop_id', ${shopId}, true)`;
    return fn(tx);
  }) as Promise<T>;
}
