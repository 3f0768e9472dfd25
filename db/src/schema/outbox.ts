import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, shopIdColumn } from './columns.ts';

/**
 * Outward effects (status push, fulfillment, e-mail, outgoing webhook), written in the
 * same transaction as the state change that caused them and relayed by a worker.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    kind: text('kind').notNull(),
    /** The order the effect is about, when there is one (status pushes are ordered per order). */
    orderId: uuid('order_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    payload: jsonb('payload').notNull(),
    /** failed = dead-lettered after the last attempt; skipped = not needed any more (superseded, opted out). */
    status: text('status', { enum: ['pending', 'sent', 'failed', 'skipped'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** What the remote side answered (e.g. the fulfillment's id), or why the effect was skipped. */
    result: jsonb('result'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('outbox_shop_idempotency_key').on(t.shopId, t.idempotencyKey),
    index('outbox_shop_status_idx').on(t.shopId, t.status, t.nextAttemptAt),
    index('outbox_shop_order_idx').on(t.shopId, t.orderId, t.kind, t.createdAt),
  ],
);
