import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { NotFoundError } from '../../errors.ts';
import type { OrderRow } from '../order-status/load-order-status.ts';
import type { StorefrontCustomer } from './storefront-customer.ts';

/** Most orders a widget lists at once: the newest. */
export const CUSTOMER_ORDER_LIMIT = 50;

/** The orders this customer may see, and nothing else: the one filter every storefront read goes through. */
export function customerOrdersWhere(customer: StorefrontCustomer): SQL {
  const owner =
    customer.kind === 'customer' ? eq(schema.orders.customerExternalId, customer.customerExternalId) : eq(schema.orders.externalId, customer.orderExternalId);
  return and(eq(schema.orders.shopId, customer.shopId), isNull(schema.orders.deletedAt), owner)!;
}

export function listCustomerOrders(tx: Tx, customer: StorefrontCustomer, externalId: string | null = null): Promise<OrderRow[]> {
  const where = externalId === null ? customerOrdersWhere(customer) : and(customerOrdersWhere(customer), eq(schema.orders.externalId, externalId));
  return tx.select().from(schema.orders).where(where).orderBy(desc(schema.orders.placedAt)).limit(CUSTOMER_ORDER_LIMIT);
}

/** One of the customer's orders; another customer's (or an unknown id) is the same NOT_FOUND. */
export async function customerOrder(tx: Tx, customer: StorefrontCustomer, orderId: string): Promise<OrderRow> {
  if (!isUuid(orderId)) throw new NotFoundError('Order');
  const [order] = await tx.select().from(schema.orders).where(and(customerOrdersWhere(customer), eq(schema.orders.id, orderId)));
  if (!order) throw new NotFoundError('Order');
  return order;
}

/** A job of one of the customer's orders, with that order. */
export async function customerJob(tx: Tx, customer: StorefrontCustomer, jobId: string): Promise<{ job: typeof schema.jobs.$inferSelect; order: OrderRow }> {
  if (!isUuid(jobId)) throw new NotFoundError('Job');
  const [row] = await tx
    .select({ job: schema.jobs, order: schema.orders })
    .from(schema.jobs)
    .innerJoin(schema.orders, and(eq(schema.orders.shopId, schema.jobs.shopId), eq(schema.orders.id, schema.jobs.orderId)))
    .where(and(customerOrdersWhere(customer), eq(schema.jobs.id, jobId), isNull(schema.jobs.deletedAt)));
  if (!row) throw new NotFoundError('Job');
  return row;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
