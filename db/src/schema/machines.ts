import { sql } from 'drizzle-orm';
import { doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, shopIdColumn, updatedAt } from './columns.ts';

/** Largest sheet (width × height) or build volume (x × y × z) a machine takes, in mm. */
export type MachineSizeMm = { width: number; height: number } | { x: number; y: number; z: number };

/**
 * When a machine works: weekly shifts in the shop's local time (a fixed UTC offset) and
 * closed periods (holidays, planned maintenance). Null on the row: always working.
 */
export interface MachineCalendarJson {
  utcOffsetMinutes?: number;
  /** days: 0 = Monday … 6 = Sunday; from/to "HH:MM" local (to may pass midnight, e.g. 22:00–06:00). */
  shifts: { days: number[]; from: string; to: string }[];
  /** ISO 8601 instants, [from, to). */
  closed?: { from: string; to: string; reason?: string }[];
}

/** A press, printer, laser, CNC or bench that jobs are planned onto. */
export const machines = pgTable(
  'machines',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    name: text('name').notNull(),
    processes: text('processes').array().notNull().default(sql`'{}'::text[]`),
    /** Empty: any material of its processes. */
    materials: text('materials').array().notNull().default(sql`'{}'::text[]`),
    /** Anything else a profile may require (e.g. "cmyk+white", "duplex", "enclosure"). */
    capabilities: text('capabilities').array().notNull().default(sql`'{}'::text[]`),
    maxSizeMm: jsonb('max_size_mm').$type<MachineSizeMm>(),
    /** Minutes on this machine per profile minute (2 = half as fast as the time model assumes). */
    timeFactor: doublePrecision('time_factor').notNull().default(1),
    calendar: jsonb('calendar').$type<MachineCalendarJson>(),
    state: text('state', { enum: ['up', 'down', 'maintenance'] }).notNull().default('up'),
    stateReason: text('state_reason'),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }),
    /** Operator lock: these jobs run first, in this order (job ids). */
    lockedSequence: uuid('locked_sequence').array(),
    /** Operator drag order: these jobs keep this relative order on this machine (job ids). */
    manualOrder: uuid('manual_order').array().notNull().default(sql`'{}'::uuid[]`),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('machines_shop_name_key').on(t.shopId, t.name).where(sql`deleted_at is null`),
  ],
);

/**
 * A shop's live schedule: the changeover matrix between setup families, and the last
 * problem and schedule the planner made (the start of the next incremental re-plan).
 */
export const shopSchedules = pgTable(
  'shop_schedules',
  {
    shopId: shopIdColumn(),
    /** setupMatrix[fromFamily][toFamily] = changeover minutes. */
    setupMatrix: jsonb('setup_matrix').$type<Record<string, Record<string, number>>>().notNull().default(sql`'{}'::jsonb`),
    problem: jsonb('problem').$type<unknown>(),
    schedule: jsonb('schedule').$type<unknown>(),
    /** How the last plan was made: solve or reschedule:<events>. */
    method: text('method'),
    plannedAt: timestamp('planned_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId] })],
);
