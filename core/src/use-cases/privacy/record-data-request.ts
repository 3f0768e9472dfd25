import { and, eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { CustomerReference } from '@pressline/connectors';
import { customerOrdersCondition } from './customer-orders.ts';

/**
 * A customer asked the merchant for their data. Pressline marks each order it holds for
 * that customer, so the merchant sees the request on the orders and can answer it.
 */
export async function recordDataRequest(
  tx: Tx,
  input: { shopId: string; customer: CustomerReference; orderExternalIds: string[]; requestId: string | null; actor: string; at: Date },
): Promise<{ orders: number }> {
  const o = schema.orders;
  const who = customerOrdersCondition(input);
  if (!who) return { orders: 0 };
  const orders = await tx.select({ id: o.id }).from(o).where(and(eq(o.shopId, input.shopId), who));
  if (orders.length > 0) {
    const note = `The customer asked for their data${input.requestId ? ` (request ${input.requestId})` : ''}`;
    await tx.insert(schema.orderEvents).values(orders.map((order) => ({ shopId: input.shopId, orderId: order.id, at: input.at, actor: input.actor, kind: 'customer_data_requested', note })));
  }
  return { orders: orders.length };
}
