import { sql } from 'drizzle-orm';
import { bigserial, boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, shopIdColumn, updatedAt } from './columns.ts';
import { orderLines, orders } from './orders.ts';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    number: integer('number').notNull(),
    /** Deterministic key from the split rules: re-processing an order never doubles a job. */
    splitKey: text('split_key').notNull(),
    /** The order the job was split from (a gang run may later serve several). */
    orderId: uuid('order_id')
      .notNull(),
    title: text('title').notNull(),
    stageKey: text('stage_key').notNull(),
    /** The stage a held job returns to when released. */
    heldFrom: text('held_from'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Scheduling: rush weighs most when late; priority 1 is normal, higher more important. */
    rush: boolean('rush').notNull().default(false),
    priority: integer('priority').notNull().default(1),
    /** Operator pin: this machine only. */
    pinnedMachineId: uuid('pinned_machine_id'),
    /** The live schedule's plan (null when not planned). */
    machineId: uuid('machine_id'),
    sequence: integer('sequence'),
    plannedStart: timestamp('planned_start', { withTimezone: true }),
    plannedEnd: timestamp('planned_end', { withTimezone: true }),
    setupMinutes: integer('setup_minutes'),
    durationMinutes: integer('duration_minutes'),
    /** profile (its time model) or default (no time model: a stand-in duration). */
    durationSource: text('duration_source'),
    /** Why the planner could not place the job, when it could not. */
    unscheduledReason: text('unscheduled_reason'),
    unscheduledDetail: text('unscheduled_detail'),
    /** Where the piece physically is on the shop floor (shelf, cart, dryer…), as the operator last set it. */
    location: text('location'),
    locationChangedAt: timestamp('location_changed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    uniqueIndex('jobs_shop_number_key').on(t.shopId, t.number),
    uniqueIndex('jobs_shop_order_split_key').on(t.shopId, t.orderId, t.splitKey),
    index('jobs_shop_stage_idx').on(t.shopId, t.stageKey),
    index('jobs_shop_machine_sequence_idx').on(t.shopId, t.machineId, t.sequence),
  ],
);

export const jobItems = pgTable(
  'job_items',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    jobId: uuid('job_id')
      .notNull(),
    orderLineId: uuid('order_line_id')
      .notNull(),
    quantity: integer('quantity').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.jobId], foreignColumns: [jobs.shopId, jobs.id] }),
    foreignKey({ columns: [t.shopId, t.orderLineId], foreignColumns: [orderLines.shopId, orderLines.id] }),
    uniqueIndex('job_items_shop_job_line_key').on(t.shopId, t.jobId, t.orderLineId),
    index('job_items_shop_line_idx').on(t.shopId, t.orderLineId),
  ],
);

/** Append-only audit trail: a trigger rejects UPDATE and DELETE. */
export const jobEvents = pgTable(
  'job_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    shopId: shopIdColumn(),
    jobId: uuid('job_id')
      .notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    kind: text('kind', { enum: ['created', 'transition', 'file_added', 'file_replaced', 'preflight_checked', 'warning_accepted', 'schedule_changed', 'location_changed'] }).notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.jobId], foreignColumns: [jobs.shopId, jobs.id] }),
    index('job_events_shop_job_idx').on(t.shopId, t.jobId, t.id),
    // The places a shop's pieces were put lately (the operator's location suggestions).
    index('job_events_shop_location_idx').on(t.shopId, t.id).where(sql`kind = 'location_changed'`),
  ],
);

/** Append-only audit trail of order-level changes (received, updated, cancelled). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    shopId: shopIdColumn(),
    orderId: uuid('order_id')
      .notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    index('order_events_shop_order_idx').on(t.shopId, t.orderId, t.id)],
);
