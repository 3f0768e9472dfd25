import { and, eq, sql } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { StorefrontOrder } from '@pressline/connectors';

export interface RecordedOrder {
  id: string;
  /** False when a newer version of the order was already stored and this one was older. */
  applied: boolean;
  created: boolean;
  /** The order as stored now, after this delivery: the newest version Pressline has seen. */
  current: { name: string; financialStatus: string; cancelled: boolean };
}

/**
 * Upserts an order and its lines. A delivery older than the version we hold (retries
 * carry the original payload) never overwrites it.
 */
export async function recordOrder(tx: Tx, shopId: string, order: StorefrontOrder): Promise<RecordedOrder> {
  const values = {
    shopId,
    externalId: order.externalId,
    name: order.name,
    status: order.cancelledAt ? ('cancelled' as const) : ('open' as const),
    financialStatus: order.financialStatus,
    currency: order.currency,
    totalMinor: order.totalMinor,
    customerEmail: order.customer.email,
    customerName: [order.customer.firstName, order.customer.lastName].filter(Boolean).join(' ') || null,
    customerExternalId: order.customer.externalId,
    note: order.note,
    shippingAddress: order.shippingAddress ? { ...order.shippingAddress } : null,
    shippingMethod: order.shippingMethod,
    tags: order.tags,
    placedAt: new Date(order.placedAt),
    platformUpdatedAt: new Date(order.updatedAt),
  };
  const [upserted] = await tx
    .insert(schema.orders)
    .values(values)
    .onConflictDoUpdate({
      target: [schema.orders.shopId, schema.orders.externalId],
      set: { ...values, updatedAt: sql`now()` },
      setWhere: sql`${schema.orders.platformUpdatedAt} <= excluded.platform_updated_at`,
    })
    .returning({ id: schema.orders.id, created: sql<boolean>`(xmax = 0)`, name: schema.orders.name, financialStatus: schema.orders.financialStatus, status: schema.orders.status });

  if (!upserted) {
    const [existing] = await tx
      .select({ id: schema.orders.id, name: schema.orders.name, financialStatus: schema.orders.financialStatus, status: schema.orders.status })
      .from(schema.orders)
      .where(and(eq(schema.orders.shopId, shopId), eq(schema.orders.externalId, order.externalId)));
    if (!existing) throw new Error('order vanished during upsert');
    return { id: existing.id, applied: false, created: false, current: currentOf(existing) };
  }

  if (order.lines.length > 0) {
    await tx
      .insert(schema.orderLines)
      .values(
        order.lines.map((line) => ({
          shopId,
          orderId: upserted.id,
          externalId: line.externalId,
          productExternalId: line.productExternalId,
          variantExternalId: line.variantExternalId,
          sku: line.sku,
          title: line.title,
          variantTitle: line.variantTitle,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          properties: line.properties,
          requiresShipping: line.requiresShipping,
        })),
      )
      // Line edits after intake are reconciled by their own use case; a replay adds nothing.
      .onConflictDoNothing();
  }
  return { id: upserted.id, applied: true, created: upserted.created, current: currentOf(upserted) };
}

function currentOf(row: { name: string; financialStatus: string; status: string }): RecordedOrder['current'] {
  return { name: row.name, financialStatus: row.financialStatus, cancelled: row.status === 'cancelled' };
}
