import { sql } from 'drizzle-orm';
import type { Database } from '@pressline/db';

/** Every installed shop with a platform connection, across tenants (a SECURITY DEFINER lookup). */
export async function shopsToReconcile(db: Database): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`select pressline_shops_to_reconcile() as id`);
  return rows.map((row) => row.id);
}
