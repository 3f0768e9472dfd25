import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { CustomerReference } from '@pressline/connectors';
import { customerOrdersCondition } from './customer-orders.ts';

/** What replaces an erased delivery body: the delivery stays (it is our receipt), its contents go. */
export const ERASED_BODY = '{"erased":"privacy request"}';

export interface RedactionScope {
  shopId: string;
  platform: string;
  /** Orders named by the request, plus every order of this customer; null erases the whole shop's customer data. */
  match: { customer: CustomerReference; orderExternalIds: string[] } | null;
  actor: string;
  at: Date;
  reason: string;
}

/**
 * Really erases a customer's personal data: the order's customer fields, its shipping address and the raw
 * delivery bodies that carried them. Production data (lines, jobs, their audit trail)
 * stays, and each erased order says in its trail that it was erased and why.
 */
export async function redactCustomerData(tx: Tx, scope: RedactionScope): Promise<{ orders: number; deliveries: number }> {
  const o = schema.orders;
  const who = scope.match ? customerOrdersCondition(scope.match) : undefined;
  if (scope.match && !who) return { orders: 0, deliveries: 0 };

  const erased = await tx
    .update(o)
    .set({ customerEmail: null, customerName: null, customerExternalId: null, shippingAddress: null, redactedAt: scope.at, updatedAt: scope.at })
    .where(and(eq(o.shopId, scope.shopId), who))
    .returning({ id: o.id, externalId: o.externalId });
  if (erased.length > 0) {
    await tx.insert(schema.orderEvents).values(erased.map((order) => ({ shopId: scope.shopId, orderId: order.id, at: scope.at, actor: scope.actor, kind: 'customer_data_erased', note: scope.reason })));
  }

  const d = schema.webhookDeliveries;
  const bodies = await tx
    .update(d)
    .set({ rawBody: ERASED_BODY })
    .where(
      and(
        eq(d.shopId, scope.shopId),
        eq(d.platform, scope.platform),
        scope.match ? inArray(d.orderExternalId, erased.map((order) => order.externalId).concat(scope.match.orderExternalIds)) : undefined,
      ),
    )
    .returning({ id: d.id });
  return { orders: erased.length, deliveries: bodies.length };
}
