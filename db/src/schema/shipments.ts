import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, shopIdColumn, updatedAt } from './columns.ts';
import { orderLines, orders } from './orders.ts';

/** Where and when a pickup order can be collected; shown to the customer. */
export interface PickupDetails {
  address: string;
  hours: string | null;
}

/**
 * What left the shop (or was handed over at the counter) for one order: a partial
 * shipment is an ordinary shipment carrying fewer than all units. Tracking numbers only
 * ever grow (merged, never overwritten); the status only moves forward.
 */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind', { enum: ['carrier', 'pickup'] }).notNull(),
    /** The operator's or carrier's own shipment reference: recording it again merges into this shipment. */
    reference: text('reference'),
    carrier: text('carrier'),
    trackingNumbers: text('tracking_numbers').array().notNull().default(sql`'{}'::text[]`),
    trackingUrl: text('tracking_url'),
    pickup: jsonb('pickup').$type<PickupDetails>(),
    status: text('status', { enum: ['shipped', 'delivered'] }).notNull().default('shipped'),
    /** When the newest status event applied happened; older events never move the shipment back. */
    statusAt: timestamp('status_at', { withTimezone: true }).notNull(),
    /** The platform's fulfillment, once the outbox created it. */
    fulfillmentExternalId: text('fulfillment_external_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    index('shipments_shop_order_idx').on(t.shopId, t.orderId),
    uniqueIndex('shipments_shop_order_reference_key').on(t.shopId, t.orderId, t.reference).where(sql`reference is not null`),
  ],
);

export const shipmentLines = pgTable(
  'shipment_lines',
  {
    shopId: shopIdColumn(),
    shipmentId: uuid('shipment_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.shipmentId, t.orderLineId] }),
    foreignKey({ columns: [t.shopId, t.shipmentId], foreignColumns: [shipments.shopId, shipments.id] }),
    foreignKey({ columns: [t.shopId, t.orderLineId], foreignColumns: [orderLines.shopId, orderLines.id] }),
    index('shipment_lines_shop_line_idx').on(t.shopId, t.orderLineId),
  ],
);
