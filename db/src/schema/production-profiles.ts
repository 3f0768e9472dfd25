import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, shopIdColumn, updatedAt } from './columns.ts';

/** Which order lines a profile applies to: every given field must equal the line's. */
export interface ProfileMatch {
  sku?: string;
  productExternalId?: string;
  variantExternalId?: string;
}

/**
 * How a product is made: its process and the rules its files must meet (only where they
 * differ from the process's defaults; core validates them). Lines are matched to the
 * first profile by `position` whose match fits.
 */
/** How long a job of this profile takes: setup once, then per unit (and per m² / cm³ when known). */
export interface TimeModel {
  setupMinutes: number;
  minutesPerUnit: number;
  minutesPerSquareMeter?: number;
  minutesPerCubicCm?: number;
}

export const productionProfiles = pgTable(
  'production_profiles',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    name: text('name').notNull(),
    process: text('process').notNull(),
    material: text('material'),
    finishing: text('finishing'),
    matches: jsonb('matches').$type<ProfileMatch[]>().notNull().default(sql`'[]'::jsonb`),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    gangable: boolean('gangable').notNull().default(false),
    position: integer('position').notNull().default(0),
    /** Scheduling: null means a stand-in duration (the job says so). */
    timeModel: jsonb('time_model').$type<TimeModel>(),
    requiredCapabilities: text('required_capabilities').array().notNull().default(sql`'{}'::text[]`),
    /** Jobs of one family follow each other on a machine without a changeover. */
    setupFamily: text('setup_family'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('production_profiles_shop_name_key').on(t.shopId, t.name).where(sql`deleted_at is null`),
    index('production_profiles_shop_position_idx').on(t.shopId, t.position),
  ],
);
