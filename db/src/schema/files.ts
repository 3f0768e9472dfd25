import { sql } from 'drizzle-orm';
import { bigint, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, shopIdColumn, updatedAt } from './columns.ts';
import { jobs } from './jobs.ts';
import { orderLines } from './orders.ts';

/**
 * A design file, proof or photo. The bytes live once in the content-addressed file store
 * under `sha256`; a storefront link is fetched by a worker (`pending` until then).
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    name: text('name').notNull(),
    source: text('source', { enum: ['storefront', 'operator', 'customer'] }).notNull(),
    /** Where a storefront file was linked from; null for uploads. */
    originUrl: text('origin_url'),
    status: text('status', { enum: ['pending', 'stored', 'unavailable'] }).notNull().default('pending'),
    /** Why a linked file could not be fetched, safe to show. */
    failure: text('failure'),
    sha256: text('sha256'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    kind: text('kind'),
    thumbnailSha256: text('thumbnail_sha256'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('files_shop_origin_key').on(t.shopId, t.originUrl).where(sql`origin_url is not null`),
  ],
);

/** The files a job is made from. A replaced file's link is soft-deleted, so history stays. */
export const jobFiles = pgTable(
  'job_files',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: shopIdColumn(),
    jobId: uuid('job_id').notNull(),
    fileId: uuid('file_id').notNull(),
    orderLineId: uuid('order_line_id'),
    role: text('role', { enum: ['design', 'proof', 'photo'] }).notNull().default('design'),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    foreignKey({ columns: [t.shopId, t.jobId], foreignColumns: [jobs.shopId, jobs.id] }),
    foreignKey({ columns: [t.shopId, t.fileId], foreignColumns: [files.shopId, files.id] }),
    foreignKey({ columns: [t.shopId, t.orderLineId], foreignColumns: [orderLines.shopId, orderLines.id] }),
    uniqueIndex('job_files_shop_job_file_key').on(t.shopId, t.jobId, t.fileId),
    index('job_files_shop_file_idx').on(t.shopId, t.fileId),
  ],
);
