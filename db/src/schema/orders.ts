import { sql } from 'drizzle-orm';
import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, shopIdColumn, updatedAt } from './columns.ts';

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    /** The platform's order id, always a string: Shopify's exceed 2^53. */
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['open', 'cancelled'] }).notNull().default('open'),
    financialStatus: text('financial_status').notNull(),
    currency: text('currency').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    customerEmail: text('customer_email'),
    customerName: text('customer_name'),
    customerExternalId: text('customer_external_id'),
    note: text('note'),
    /** Personal data: erased with the customer's on a privacy request. */
    shippingAddress: jsonb('shipping_address').$type<Record<string, string | null>>(),
    shippingMethod: text('shipping_method'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    /** The platform's updated_at of the version we hold; older deliveries never overwrite newer ones. */
    /** The coarse status the customer last saw (null until first derived); bumped version orders the pushes. */
    customerStatus: text('customer_status'),
    customerStatusVersion: integer('customer_status_version').notNull().default(0),
    platformUpdatedAt: timestamp('platform_updated_at', { withTimezone: true }).notNull(),
    /** When the customer's personal data was erased on a privacy request. */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    /** The live schedule's estimate: the latest planned end of the order's open jobs. */
    eta: timestamp('eta', { withTimezone: true }),
    /** What the shop promised the customer, when known. */
    promisedAt: timestamp('promised_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('orders_shop_external_key').on(t.shopId, t.externalId),
    index('orders_shop_created_idx').on(t.shopId, t.createdAt, t.id),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    orderId: uuid('order_id')
      .notNull(),
    externalId: text('external_id').notNull(),
    productExternalId: text('product_external_id'),
    variantExternalId: text('variant_external_id'),
    sku: text('sku'),
    title: text('title').notNull(),
    variantTitle: text('variant_title'),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    properties: jsonb('properties').$type<{ name: string; value: string }[]>().notNull().default([]),
    requiresShipping: boolean('requires_shipping').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    uniqueIndex('order_lines_shop_order_external_key').on(t.shopId, t.orderId, t.externalId),
    index('order_lines_shop_order_idx').on(t.shopId, t.orderId),
  ],
);
