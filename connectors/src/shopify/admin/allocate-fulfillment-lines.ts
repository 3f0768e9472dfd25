import { z } from 'zod';
import type { ConnectorResult, FulfillmentRequest } from '../../contract.ts';
import { legacyIdOf } from './gid.ts';

export const fulfillmentOrderNodeSchema = z.object({
  id: z.string(),
  status: z.string(),
  lineItems: z.object({
    nodes: z.array(z.object({ id: z.string(), remainingQuantity: z.number().int(), lineItem: z.object({ id: z.string() }) })),
  }),
});

export type FulfillmentOrderNode = z.output<typeof fulfillmentOrderNodeSchema>;

export interface FulfillmentOrderLineItemsInput {
  fulfillmentOrderId: string;
  fulfillmentOrderLineItems: { id: string; quantity: number }[];
}

/** Only these fulfillment orders can be fulfilled; ON_HOLD, SCHEDULED and the closed ones cannot. */
const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);

/**
 * Maps the request's order lines and quantities onto the open fulfillment order line
 * items that hold them (a line may be spread over several). Asking for more than is
 * still open is refused here, before anything is written. Fulfillment orders at
 * different locations cannot share one fulfillment; Shopify refuses that itself.
 */
export function allocateFulfillmentLines(
  request: FulfillmentRequest,
  fulfillmentOrders: readonly FulfillmentOrderNode[],
): ConnectorResult<FulfillmentOrderLineItemsInput[]> {
  if (request.lines.length === 0) return rejected('a fulfillment needs at least one line');
  const wanted = new Map<string, number>();
  for (const line of request.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      return rejected(`line ${line.lineExternalId}: quantity must be a positive integer, not ${line.quantity}`);
    }
    wanted.set(line.lineExternalId, (wanted.get(line.lineExternalId) ?? 0) + line.quantity);
  }

  const byFulfillmentOrder = new Map<string, { id: string; quantity: number }[]>();
  for (const [lineId, quantity] of wanted) {
    const open = fulfillmentOrders
      .filter((fo) => FULFILLABLE.has(fo.status))
      .flatMap((fo) =>
        fo.lineItems.nodes
          .filter((item) => legacyIdOf(item.lineItem.id) === lineId && item.remainingQuantity > 0)
          .map((item) => ({ fulfillmentOrderId: fo.id, item })),
      );
    const available = open.reduce((sum, { item }) => sum + item.remainingQuantity, 0);
    if (available < quantity) {
      return rejected(
        available === 0
          ? `line ${lineId} of order ${request.orderExternalId} has nothing open to fulfil`
          : `line ${lineId} of order ${request.orderExternalId}: ${quantity} to fulfil but only ${available} open`,
      );
    }
    let left = quantity;
    for (const { fulfillmentOrderId, item } of open) {
      if (left === 0) break;
      const take = Math.min(left, item.remainingQuantity);
      left -= take;
      const items = byFulfillmentOrder.get(fulfillmentOrderId) ?? [];
      items.push({ id: item.id, quantity: take });
      byFulfillmentOrder.set(fulfillmentOrderId, items);
    }
  }
  return {
    ok: true,
    value: [...byFulfillmentOrder].map(([fulfillmentOrderId, fulfillmentOrderLineItems]) => ({ fulfillmentOrderId, fulfillmentOrderLineItems })),
  };
}

function rejected(message: string): { ok: false; reason: 'rejected'; message: string } {
  return { ok: false, reason: 'rejected', message };
}
