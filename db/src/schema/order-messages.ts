import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, shopIdColumn } from './columns.ts';
import { files } from './files.ts';
import { orders } from './orders.ts';

/**
 * One message of an order's thread between its customer and the shop (storefront widget
 * on one side, operator's job detail on the other). Append-only, like the audit trail.
 */
export const orderMessages = pgTable(
  'order_messages',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    orderId: uuid('order_id').notNull(),
    author: text('author', { enum: ['customer', 'shop'] }).notNull(),
    /** Who wrote it: "customer:<platform id>" or the operator's actor. */
    actor: text('actor').notNull(),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    index('order_messages_shop_order_idx').on(t.shopId, t.orderId, t.at),
  ],
);

/** Files sent with a message (stored once, like every file). */
export const orderMessageFiles = pgTable(
  'order_message_files',
  {
    shopId: shopIdColumn(),
    messageId: uuid('message_id').notNull(),
    fileId: uuid('file_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.messageId, t.fileId] }),
    foreignKey({ columns: [t.shopId, t.messageId], foreignColumns: [orderMessages.shopId, orderMessages.id] }),
    foreignKey({ columns: [t.shopId, t.fileId], foreignColumns: [files.shopId, files.id] }),
  ],
);
