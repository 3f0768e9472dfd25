import { z } from 'zod';
import type { ConnectorResult, ShopConnection, StorefrontOrder } from '../../contract.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { toGid } from './gid.ts';
import { LINE_ITEM_FRAGMENT, lineItemNodeSchema, pageInfoSchema, toStorefrontOrder, type LineItemNode, type OrderNode } from './order-node.ts';

/** Line items per follow-up page: 100 × 6 points + 3 stays well under the 1000-point cap. */
const MORE_LINES_PAGE = 100;

const moreLines: AdminOperation<{ order: { lineItems: { pageInfo: z.output<typeof pageInfoSchema>; nodes: LineItemNode[] } } | null }> = {
  name: 'PresslineOrderLines',
  document: /* GraphQL */ `
    query PresslineOrderLines($id: ID!, $after: String) {
      order(id: $id) {
        lineItems(first: ${MORE_LINES_PAGE}, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { ...PresslineLineItem }
        }
      }
    }
    ${LINE_ITEM_FRAGMENT}
  `,
  data: z.object({
    order: z.object({ lineItems: z.object({ pageInfo: pageInfoSchema, nodes: z.array(lineItemNodeSchema) }) }).nullable(),
  }),
};

/**
 * Maps an order node to a StorefrontOrder, first fetching the line items beyond the
 * page that came with it (rare: list queries ask for few lines to stay cheap).
 */
export async function completeOrder(gql: AdminGraphql, connection: ShopConnection, node: OrderNode): Promise<ConnectorResult<StorefrontOrder>> {
  const lines = [...node.lineItems.nodes];
  let pageInfo = node.lineItems.pageInfo;
  const id = toGid('Order', node.legacyResourceId);
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    if (id === null) return { ok: false, reason: 'rejected', message: `order id ${node.legacyResourceId} is not numeric` };
    const page = await gql(connection, moreLines, { id, after: pageInfo.endCursor });
    if (!page.ok) return page;
    if (!page.value.order) return { ok: false, reason: 'not_found', message: `order ${node.legacyResourceId} disappeared while its lines were read` };
    lines.push(...page.value.order.lineItems.nodes);
    pageInfo = page.value.order.lineItems.pageInfo;
  }
  return toStorefrontOrder(node, lines);
}
