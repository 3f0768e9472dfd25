import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, shopIdColumn } from './columns.ts';

/** A developer's outgoing webhook: events of these topics are POSTed to `url`, signed with the secret. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    url: text('url').notNull(),
    /** Sealed with the shop secret box; opened only to sign a delivery. */
    secretSealed: text('secret_sealed').notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('webhook_subscriptions_shop_idx').on(t.shopId)],
);
