import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, updatedAt } from './columns.ts';

/** How an order's lines become jobs; the first rule whose every given match field equals the line's applies. */
export interface StoredSplitRule {
  match: { sku?: string; productExternalId?: string; variantExternalId?: string };
  mode: 'per_line' | 'per_unit' | 'combine';
  maxUnitsPerJob?: number;
}

export const shops = pgTable(
  'shops',
  {
    id: uuid('id').primaryKey(),
    platform: text('platform', { enum: ['shopify', 'woocommerce', 'odoo'] }).notNull(),
    domain: text('domain').notNull(),
    name: text('name').notNull(),
    /** Next human job number (J-1001, J-1002, …); bumped under the row lock. */
    nextJobNumber: integer('next_job_number').notNull().default(1001),
    /** Per-shop workflow; null means the default workflow. */
    workflow: text('workflow'),
    /** Per-shop split rules in order (validated by core when saved); empty: one job per line. */
    splitRules: jsonb('split_rules').$type<StoredSplitRule[]>().notNull().default(sql`'[]'::jsonb`),
    /** Set when the merchant uninstalls the app; deliveries and API keys keep working until shop/redact. */
    uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
    /** Reconciliation has seen every order the platform changed up to here. */
    ordersSyncedUntil: timestamp('orders_synced_until', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex('shops_platform_domain_key').on(t.platform, t.domain)],
);
