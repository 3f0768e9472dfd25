import { eq, sql } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';

/**
 * Reserves `count` consecutive job numbers for a shop. The row lock taken by the
 * update serialises concurrent allocations, so numbers are unique per shop.
 */
export async function allocateJobNumbers(tx: Tx, shopId: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const [row] = await tx
    .update(schema.shops)
    .set({ nextJobNumber: sql`${schema.shops.nextJobNumber} + ${count}` })
    .where(eq(schema.shops.id, shopId))
    .returning({ next: schema.shops.nextJobNumber });
  if (!row) throw new Error(`shop ${shopId} not visible while allocating job numbers`);
  const first = row.next - count;
  return Array.from({ length: count }, (_, i) => first + i);
}
