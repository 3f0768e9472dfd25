import { sql } from 'drizzle-orm';
import type { Database } from '@pressline/db';

/** Every installed shop with a machine, across tenants (a SECURITY DEFINER lookup): the shops that have a plan to refresh. */
export async function shopsToReplan(db: Database): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`select pressline_shops_to_replan() as id`);
  return rows.map((row) => row.id);
}
