import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shopIdColumn } from './columns.ts';

/**
 * Every verified platform delivery, stored before it is acknowledged. The raw body is
 * kept as text so ids beyond 2^53 survive until the connector parses them losslessly.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    platform: text('platform').notNull(),
    deliveryKey: text('delivery_key').notNull(),
    eventId: text('event_id'),
    topic: text('topic').notNull(),
    apiVersion: text('api_version'),
    triggeredAt: timestamp('triggered_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    rawBody: text('raw_body').notNull(),
    /** The order the delivery carried, once processed: a privacy request erases its body too. */
    orderExternalId: text('order_external_id'),
    status: text('status', { enum: ['pending', 'processed', 'ignored', 'failed'] }).notNull().default('pending'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('webhook_deliveries_shop_delivery_key').on(t.shopId, t.platform, t.deliveryKey),
    uniqueIndex('webhook_deliveries_shop_event_key')
      .on(t.shopId, t.platform, t.topic, t.eventId)
      .where(sql`${t.eventId} is not null`),
    index('webhook_deliveries_shop_order_idx').on(t.shopId, t.platform, t.orderExternalId),
  ],
);
