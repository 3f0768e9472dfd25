import { z } from 'zod';
import type { ConnectorResult, ShopConnection, StorefrontOrder } from '../../contract.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { completeOrder } from './complete-order.ts';
import { toGid } from './gid.ts';
import { LINE_ITEM_FRAGMENT, ORDER_FRAGMENT, orderNodeSchema, type OrderNode } from './order-node.ts';

/** 100 lines: 9 + 6 × 100 = 609 points, under the 1000-point cap. */
const LINES_PER_PAGE = 100;

const orderById: AdminOperation<{ order: OrderNode | null }> = {
  name: 'PresslineOrder',
  document: /* GraphQL */ `
    query PresslineOrder($id: ID!, $lineItemsFirst: Int!) {
      order(id: $id) { ...PresslineOrder }
    }
    ${ORDER_FRAGMENT}
    ${LINE_ITEM_FRAGMENT}
  `,
  data: z.object({ order: orderNodeSchema.nullable() }),
};

/** One order by its numeric id, as a StorefrontOrder; `not_found` when the shop has no such order. */
export async function fetchOrder(gql: AdminGraphql, connection: ShopConnection, orderExternalId: string): Promise<ConnectorResult<StorefrontOrder>> {
  const id = toGid('Order', orderExternalId);
  if (id === null) return { ok: false, reason: 'not_found', message: `"${orderExternalId}" is not a Shopify order id` };
  const result = await gql(connection, orderById, { id, lineItemsFirst: LINES_PER_PAGE });
  if (!result.ok) return result;
  if (!result.value.order) return { ok: false, reason: 'not_found', message: `Shopify has no order ${orderExternalId}` };
  return completeOrder(gql, connection, result.value.order);
}
