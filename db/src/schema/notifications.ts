import { boolean, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, shopIdColumn, updatedAt } from './columns.ts';

/** A shop's customer e-mail for one customer status; a status without a template sends nothing. */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    shopId: shopIdColumn(),
    customerStatus: text('customer_status').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.customerStatus] })],
);

/** Customers who asked for no e-mail from this shop (lower-cased addresses). */
export const notificationOptOuts = pgTable(
  'notification_opt_outs',
  {
    shopId: shopIdColumn(),
    email: text('email').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.email] })],
);

/** Per-shop notification settings (one row per shop, absent = defaults). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    shopId: shopIdColumn().primaryKey(),
    /** The platform e-mails the customer about shipments itself (e.g. Shopify's shipping confirmation): fulfillments ask it to, and Pressline sends no "shipped" e-mail. */
    platformNotifiesShipping: boolean('platform_notifies_shipping').notNull().default(false),
    /** Shown in pickup e-mails when a pickup shipment names no address. */
    pickupAddress: text('pickup_address'),
    pickupHours: text('pickup_hours'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
);
