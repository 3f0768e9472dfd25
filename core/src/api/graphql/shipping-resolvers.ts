import { ORDER_STATUS_LABELS, type LineStatus, type OrderStatus } from '../../domain/index.ts';
import { loadOrderStatus, type OrderRow } from '../../use-cases/order-status/load-order-status.ts';
import { listOutboxFailures, retryOutboxEffect, type OutboxRowView } from '../../use-cases/outbox/outbox-failures.ts';
import { recordShipment } from '../../use-cases/shipments/record-shipment.ts';
import { recordShipmentStatus } from '../../use-cases/shipments/record-shipment-status.ts';
import { shipmentsOfOrder, type ShipmentWithLines } from '../../use-cases/shipments/shipment-reads.ts';
import type { GraphQLContext } from './context.ts';
import { requireUuid } from './ids.ts';

interface RecordShipmentArgs {
  orderId: string;
  carrier?: string | null;
  trackingNumbers?: string[] | null;
  trackingUrl?: string | null;
  pickup?: { address: string; hours?: string | null } | null;
  localPickup?: boolean | null;
  reference?: string | null;
  lines: { orderLineId: string; quantity: number }[];
}


export const shippingResolvers = {
  ShipmentStatus: { SHIPPED: 'shipped', DELIVERED: 'delivered' },
  Query: {
    outboxFailures: (_: unknown, args: { first: number }, ctx: GraphQLContext) => ctx.inShop((tx) => listOutboxFailures(tx, ctx.principal.shopId, args.first)),
  },
  Mutation: {
    recordShipment: (_: unknown, { input }: { input: RecordShipmentArgs }, ctx: GraphQLContext) => {
      requireUuid(input.orderId, 'input.orderId');
      for (const line of input.lines) requireUuid(line.orderLineId, 'input.lines.orderLineId');
      const pickup = Boolean(input.localPickup) || Boolean(input.pickup);
      return recordShipment(ctx.deps, {
        shopId: ctx.principal.shopId,
        orderId: input.orderId,
        kind: pickup ? 'pickup' : 'carrier',
        reference: input.reference ?? null,
        carrier: input.carrier ?? null,
        trackingNumbers: input.trackingNumbers ?? [],
        trackingUrl: input.trackingUrl ?? null,
        pickup: input.pickup ?? null,
        lines: input.lines,
        actor: ctx.principal.actor,
      });
    },
    recordShipmentStatus: async (_: unknown, args: { shipmentId: string; status: 'shipped' | 'delivered'; occurredAt?: Date | null }, ctx: GraphQLContext) => {
      const { shipment } = await recordShipmentStatus(ctx.deps, {
        shopId: ctx.principal.shopId,
        shipmentId: requireUuid(args.shipmentId, 'shipmentId'),
        status: args.status,
        occurredAt: args.occurredAt ?? null,
        actor: ctx.principal.actor,
      });
      return shipment;
    },
    retryOutboxEffect: (_: unknown, args: { id: string }, ctx: GraphQLContext) =>
      retryOutboxEffect(ctx.deps, { shopId: ctx.principal.shopId, outboxId: requireUuid(args.id, 'id') }),
  },
  Order: {
    customerStatus: (order: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => loadOrderStatus(tx, ctx.principal.shopId, order)),
    shipments: (order: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => shipmentsOfOrder(tx, ctx.principal.shopId, order.id)),
  },
  OrderCustomerStatus: {
    label: (status: OrderStatus) => ORDER_STATUS_LABELS[status.status],
  },
  LineCustomerStatus: {
    orderLine: (line: LineStatus, _: unknown, ctx: GraphQLContext) => ctx.loaders.line.load(line.orderLineId),
  },
  Shipment: {
    localPickup: (shipment: ShipmentWithLines) => shipment.kind === 'pickup',
    fulfillmentId: (shipment: ShipmentWithLines) => shipment.fulfillmentExternalId,
  },
  ShipmentLine: {
    orderLine: (line: { orderLineId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.line.load(line.orderLineId),
  },
  OutboxEffect: {
    order: (row: OutboxRowView, _: unknown, ctx: GraphQLContext) => (row.orderId ? ctx.loaders.order.load(row.orderId) : null),
  },
};
