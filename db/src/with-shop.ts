import { sql } from 'drizzle-orm';
import type { Database, Tx } from './client.ts';

/**
 * Runs `fn` in a transaction whose tenant is `shopId`. The setting is local to the
 * transaction (`set_config(..., true)`), so it can never leak to the next user of a
 * pooled connection; RLS policies read it through `pressline_current_shop()`.
 */
export function withShop<T>(db: Database, shopId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pressline.shop_id', ${shopId}, true)`);
    return fn(tx);
  });
}

/** Looks a shop up by platform domain before any tenant is known (SECURITY DEFINER). */
export async function resolveShopId(db: Database, platform: string | null, domain: string): Promise<string | null> {
  const rows = await db.execute<{ id: string | null }>(
    sql`select pressline_resolve_shop(${platform}, ${domain}) as id`,
  );
  return rows[0]?.id ?? null;
}
