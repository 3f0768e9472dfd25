import { sql } from 'drizzle-orm';
import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';

/**
 * A value that changes whenever any of the shop's jobs changes: a move, a new job, a
 * schedule or preflight update (each bumps updated_at or appends an event). Read from
 * Postgres, so a change made by any API replica or worker process is seen.
 */
export async function jobsFingerprint(deps: Pick<CoreDeps, 'db'>, shopId: string): Promise<string> {
  const rows = await withShop(deps.db, shopId, (tx) =>
    tx.execute<{ fingerprint: string }>(sql`
      select concat_ws('/',
        (select count(*) from jobs where shop_id = ${shopId} and deleted_at is null),
        (select max(updated_at)::text from jobs where shop_id = ${shopId}),
        (select max(id) from job_events where shop_id = ${shopId})
      ) as fingerprint`),
  );
  return rows[0]?.fingerprint ?? '';
}
