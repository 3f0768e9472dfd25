import { z } from 'zod';
import { and, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { clampPageSize, decodeCursor, encodeCursor, likePattern, pgTimestampText, type Page } from '../page.ts';

export type OrderRow = typeof schema.orders.$inferSelect;

export interface OrderFilter {
  externalId?: string | null;
  search?: string | null;
  status?: 'open' | 'cancelled' | null;
}

/** The shop's orders, newest first, keyset-paginated. */
export async function listOrders(tx: Tx, input: { shopId: string; first: number; after?: string | null; filter?: OrderFilter | null }): Promise<Page<OrderRow>> {
  const o = schema.orders;
  const first = clampPageSize(input.first);
  const conditions: SQL[] = [eq(o.shopId, input.shopId), isNull(o.deletedAt)];
  const filter = input.filter ?? {};
  if (filter.externalId) conditions.push(eq(o.externalId, filter.externalId));
  if (filter.status) conditions.push(eq(o.status, filter.status));
  if (filter.search?.trim()) {
    const pattern = likePattern(filter.search.trim());
    const l = schema.orderLines;
    conditions.push(
      or(
        ilike(o.name, pattern),
        ilike(o.externalId, pattern),
        ilike(o.customerEmail, pattern),
        ilike(o.customerName, pattern),
        sql`exists (select 1 from ${l} where ${l.shopId} = ${o.shopId} and ${l.orderId} = ${o.id} and (${l.title} ilike ${pattern} or ${l.sku} ilike ${pattern}))`,
      )!,
    );
  }
  if (input.after) {
    const [createdAt, id] = decodeCursor(input.after, z.tuple([pgTimestampText, z.uuid()]));
    conditions.push(sql`(${o.createdAt}, ${o.id}) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await tx
    .select({ order: o, key: sql<string>`${o.createdAt}::text` })
    .from(o)
    .where(and(...conditions))
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(first + 1);
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    nodes: page.map((row) => row.order),
    endCursor: last ? encodeCursor([last.key, last.order.id]) : null,
    hasNextPage: rows.length > first,
  };
}
