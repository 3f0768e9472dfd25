import { z } from 'zod';
import type { ChangedOrdersPage, ChangedOrdersQuery, ConnectorResult, ShopConnection, StorefrontOrder } from '../../contract.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { completeOrder } from './complete-order.ts';
import { LINE_ITEM_FRAGMENT, ORDER_FRAGMENT, orderNodeSchema, pageInfoSchema, type OrderNode } from './order-node.ts';

// Shopify refuses a query whose requested cost exceeds 1000 points. One order costs
// 9 + 6 per line item asked for, so 10 lines per order allow 14 orders per page
// (2 + 14 × 69 = 968). Orders with more lines get the rest in follow-up queries.
const LINES_PER_ORDER = 10;
const MAX_ORDERS_PER_PAGE = 14;

const changedOrders: AdminOperation<{ orders: { pageInfo: z.output<typeof pageInfoSchema>; nodes: OrderNode[] } }> = {
  name: 'PresslineChangedOrders',
  document: /* GraphQL */ `
    query PresslineChangedOrders($first: Int!, $after: String, $query: String!, $lineItemsFirst: Int!) {
      orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
        pageInfo { hasNextPage endCursor }
        nodes { ...PresslineOrder }
      }
    }
    ${ORDER_FRAGMENT}
    ${LINE_ITEM_FRAGMENT}
  `,
  data: z.object({ orders: z.object({ pageInfo: pageInfoSchema, nodes: z.array(orderNodeSchema) }) }),
};

/**
 * One page of the orders whose `updated_at` is at or after `updatedSince`, oldest change
 * first. The cursor is Shopify's own; pass the same `updatedSince` with it. An order
 * changed while the pages are read moves to the end and is listed again, never skipped.
 * Shopify's order search index can lag a few seconds behind writes, so callers should
 * let successive windows overlap.
 */
export async function listChangedOrders(
  gql: AdminGraphql,
  connection: ShopConnection,
  query: ChangedOrdersQuery,
): Promise<ConnectorResult<ChangedOrdersPage>> {
  const since = /^\d{4}-\d{2}-\d{2}/.test(query.updatedSince) ? Date.parse(query.updatedSince) : Number.NaN;
  if (Number.isNaN(since)) return { ok: false, reason: 'rejected', message: `updatedSince "${query.updatedSince}" is not an ISO timestamp` };
  // Whole seconds, rounded down: Shopify's timestamps have no fraction, and an earlier bound only adds orders.
  const bound = new Date(Math.floor(since / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');

  const page = await gql(connection, changedOrders, {
    first: Math.max(1, Math.min(MAX_ORDERS_PER_PAGE, Math.floor(query.limit))),
    after: query.cursor,
    query: `updated_at:>='${bound}'`,
    lineItemsFirst: LINES_PER_ORDER,
  });
  if (!page.ok) return page;

  const orders: StorefrontOrder[] = [];
  for (const node of page.value.orders.nodes) {
    const order = await completeOrder(gql, connection, node);
    if (!order.ok) return order;
    orders.push(order.value);
  }
  const { hasNextPage, endCursor } = page.value.orders.pageInfo;
  return { ok: true, value: { orders, nextCursor: hasNextPage && endCursor ? endCursor : null } };
}
