import { bigserial, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shopIdColumn } from './columns.ts';
import { files } from './files.ts';
import { jobs } from './jobs.ts';

/**
 * One preflight run of one file for one job, under the rules identified by
 * `rulesFingerprint`. Runs are kept; the newest per (job, file) is the current report.
 */
export const preflightReports = pgTable(
  'preflight_reports',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    shopId: shopIdColumn(),
    jobId: uuid('job_id').notNull(),
    fileId: uuid('file_id').notNull(),
    /** The file content checked: a replaced file is a new report. */
    sha256: text('sha256'),
    rulesFingerprint: text('rules_fingerprint').notNull(),
    profileId: uuid('profile_id'),
    status: text('status', { enum: ['passed', 'warnings', 'failed'] }).notNull(),
    kind: text('kind'),
    /** Every finding (errors, warnings, infos) as the domain reported them. */
    findings: jsonb('findings').$type<unknown[]>().notNull(),
    facts: jsonb('facts').$type<Record<string, unknown> | null>(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.jobId], foreignColumns: [jobs.shopId, jobs.id] }),
    foreignKey({ columns: [t.shopId, t.fileId], foreignColumns: [files.shopId, files.id] }),
    index('preflight_reports_shop_job_file_idx').on(t.shopId, t.jobId, t.fileId, t.id),
  ],
);

/** Warnings an operator accepted for a job's file (append-only; also a job event). */
export const preflightAcceptances = pgTable(
  'preflight_acceptances',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    shopId: shopIdColumn(),
    jobId: uuid('job_id').notNull(),
    fileId: uuid('file_id').notNull(),
    code: text('code').notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.jobId], foreignColumns: [jobs.shopId, jobs.id] }),
    foreignKey({ columns: [t.shopId, t.fileId], foreignColumns: [files.shopId, files.id] }),
    uniqueIndex('preflight_acceptances_shop_job_file_code_key').on(t.shopId, t.jobId, t.fileId, t.code),
  ],
);
