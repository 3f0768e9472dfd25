import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, shopIdColumn } from './columns.ts';

/** API keys are stored as SHA-256 hashes; the key itself is shown once at creation. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    name: text('name').notNull(),
    /** The first characters of the secret, so a merchant can tell keys apart. */
    hint: text('hint').notNull(),
    hash: text('hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('api_keys_shop_hash_key').on(t.shopId, t.hash),
  ],
);
