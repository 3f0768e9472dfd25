import { inArray, eq, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@pressline/db';
import type { CustomerReference } from '@pressline/connectors';

/** The orders a privacy request is about: the ones it names and every order of that customer. */
export function customerOrdersCondition(match: { customer: CustomerReference; orderExternalIds: string[] }): SQL | undefined {
  const o = schema.orders;
  const conditions: SQL[] = [];
  if (match.orderExternalIds.length > 0) conditions.push(inArray(o.externalId, match.orderExternalIds));
  if (match.customer.externalId) conditions.push(eq(o.customerExternalId, match.customer.externalId));
  if (match.customer.email) conditions.push(sql`lower(${o.customerEmail}) = ${match.customer.email.toLowerCase()}`);
  return conditions.length > 0 ? or(...conditions) : undefined;
}
