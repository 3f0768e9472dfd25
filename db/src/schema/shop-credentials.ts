import { jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, shopIdColumn, updatedAt } from './columns.ts';

/**
 * How Pressline reaches a shop's platform. Settings (site URL, database, version) are
 * plain; secrets (keys, tokens, webhook secrets) are sealed with AES-256-GCM under the
 * instance's secret key, so a database dump alone reveals none of them.
 */
export const shopCredentials = pgTable(
  'shop_credentials',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    platform: text('platform').notNull(),
    settings: jsonb('settings').$type<Record<string, string | number>>().notNull(),
    sealedSecrets: text('sealed_secrets').notNull(),
    /** When an expiring access token runs out (Shopify offline tokens), if it does. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('shop_credentials_shop_key').on(t.shopId)],
);
