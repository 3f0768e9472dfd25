import { bigint, boolean, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, shopIdColumn, updatedAt } from './columns.ts';
import { files } from './files.ts';
import { jobItems, jobs } from './jobs.ts';
import { orderLines } from './orders.ts';

/** A shop's gang-up rules; a shop without a row uses the defaults in core. */
export const gangRules = pgTable(
  'gang_rules',
  {
    shopId: shopIdColumn(),
    /** Jobs due within this many days of the most urgent one may share a run. */
    windowDays: integer('window_days').notNull().default(7),
    /** What a rush job (tagged `rushTag`) does: gang like any other, stay out, or go first. */
    rush: text('rush', { enum: ['include', 'exclude', 'first'] }).notNull().default('first'),
    rushTag: text('rush_tag').notNull().default('rush'),
    /** Workflow stages a served job is moved to when a run is planned, started and finished. */
    plannedStage: text('planned_stage').notNull().default('scheduled'),
    runningStage: text('running_stage').notNull().default('in_production'),
    finishedStage: text('finished_stage').notNull().default('post_processing'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId] })],
);

/** A combined production unit: sheets, a roll length or build plates shared by many orders' jobs. */
export const gangRuns = pgTable(
  'gang_runs',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    status: text('status', { enum: ['planned', 'running', 'finished', 'cancelled'] }).notNull().default('planned'),
    /** What the served jobs share (process, material, finishing, colour). */
    groupKey: text('group_key').notNull(),
    /** The physical sheet / roll / plate as the operator gave it (mm). */
    target: jsonb('target').$type<Record<string, unknown>>().notNull(),
    gutterMm: doublePrecision('gutter_mm').notNull(),
    bleedMm: doublePrecision('bleed_mm').notNull(),
    sheets: integer('sheets').notNull(),
    rollLengthMm: doublePrecision('roll_length_mm'),
    utilization: doublePrecision('utilization').notNull(),
    /** Bumped on every change of the layout; outputs are made for one version. */
    layoutVersion: integer('layout_version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('gang_runs_shop_status_idx').on(t.shopId, t.status, t.createdAt)],
);

/** The jobs a run serves. */
export const gangRunJobs = pgTable(
  'gang_run_jobs',
  {
    shopId: shopIdColumn(),
    runId: uuid('run_id').notNull(),
    jobId: uuid('job_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.runId, t.jobId] }),
    foreignKey({ columns: [t.shopId, t.runId], foreignColumns: [gangRuns.shopId, gangRuns.id] }),
    foreignKey({ columns: [t.shopId, t.jobId], foreignColumns: [jobs.shopId, jobs.id] }),
    index('gang_run_jobs_shop_job_idx').on(t.shopId, t.jobId),
  ],
);

/** One job item's artwork in a run: its footprint and how many copies the run makes of it. */
export const gangRunItems = pgTable(
  'gang_run_items',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    runId: uuid('run_id').notNull(),
    jobId: uuid('job_id').notNull(),
    jobItemId: uuid('job_item_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    /** The design file imposed for this item; null for cut paths or parts without one. */
    fileId: uuid('file_id'),
    widthMm: doublePrecision('width_mm').notNull(),
    heightMm: doublePrecision('height_mm').notNull(),
    rotatable: boolean('rotatable').notNull().default(false),
    /** Copies placed in the run (0 once its line is removed). */
    copies: integer('copies').notNull(),
    /** Makes up for copies an earlier run spoiled. */
    remake: boolean('remake').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.runId], foreignColumns: [gangRuns.shopId, gangRuns.id] }),
    foreignKey({ columns: [t.shopId, t.jobItemId], foreignColumns: [jobItems.shopId, jobItems.id] }),
    foreignKey({ columns: [t.shopId, t.orderLineId], foreignColumns: [orderLines.shopId, orderLines.id] }),
    foreignKey({ columns: [t.shopId, t.fileId], foreignColumns: [files.shopId, files.id] }),
    uniqueIndex('gang_run_items_shop_run_item_key').on(t.shopId, t.runId, t.jobItemId),
    index('gang_run_items_shop_line_idx').on(t.shopId, t.orderLineId),
  ],
);

/** Every copy's place: sheet (0 for a roll), trim-box position in mm and rotation. */
export const gangRunPlacements = pgTable(
  'gang_run_placements',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    runId: uuid('run_id').notNull(),
    runItemId: uuid('run_item_id').notNull(),
    jobId: uuid('job_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    copy: integer('copy').notNull(),
    sheet: integer('sheet').notNull(),
    x: doublePrecision('x').notNull(),
    y: doublePrecision('y').notNull(),
    width: doublePrecision('width').notNull(),
    height: doublePrecision('height').notNull(),
    rotated: boolean('rotated').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.runId], foreignColumns: [gangRuns.shopId, gangRuns.id] }),
    foreignKey({ columns: [t.shopId, t.runItemId], foreignColumns: [gangRunItems.shopId, gangRunItems.id] }),
    uniqueIndex('gang_run_placements_shop_item_copy_key').on(t.shopId, t.runItemId, t.copy),
    index('gang_run_placements_shop_run_idx').on(t.shopId, t.runId, t.sheet),
  ],
);

/** Imposed output of one layout version: the print PDF, the cut SVG or the plate JSON (bytes in the file store). */
export const gangRunOutputs = pgTable(
  'gang_run_outputs',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    runId: uuid('run_id').notNull(),
    kind: text('kind', { enum: ['pdf', 'svg', 'json'] }).notNull(),
    layoutVersion: integer('layout_version').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    pages: integer('pages').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.runId], foreignColumns: [gangRuns.shopId, gangRuns.id] }),
    uniqueIndex('gang_run_outputs_shop_run_kind_version_key').on(t.shopId, t.runId, t.kind, t.layoutVersion),
  ],
);

/** Copies a finished run spoiled, per run item (append-only; the line's account is summed from them). */
export const gangRunSpoilage = pgTable(
  'gang_run_spoilage',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    runId: uuid('run_id').notNull(),
    runItemId: uuid('run_item_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    copies: integer('copies').notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.runItemId], foreignColumns: [gangRunItems.shopId, gangRunItems.id] }),
    index('gang_run_spoilage_shop_line_idx').on(t.shopId, t.orderLineId),
  ],
);
