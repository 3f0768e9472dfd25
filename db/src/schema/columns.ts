import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every tenant row carries the shop it belongs to; RLS policies key on it. */
export const shopIdColumn = () => uuid('shop_id').notNull();

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Soft deletion: a deleted row is hidden, recoverable and audited. */
export const deletedAt = () => timestamp('deleted_at', { withTimezone: true });
