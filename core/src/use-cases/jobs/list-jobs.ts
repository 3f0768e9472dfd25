import { z } from 'zod';
import { and, asc, eq, gt, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { parseJobNumber } from '../../domain/index.ts';
import { clampPageSize, decodeCursor, encodeCursor, likePattern, type Page } from '../page.ts';

export type JobRow = typeof schema.jobs.$inferSelect;

export interface JobFilter {
  stage?: string | null;
  search?: string | null;
  tag?: string | null;
  dueBefore?: Date | null;
  /** Only jobs in one of these stages (the board asks for the stages still on the shop floor). */
  stages?: readonly string[] | null;
}

/** The shop's jobs in job-number order, keyset-paginated. */
export async function listJobs(tx: Tx, input: { shopId: string; first: number; after?: string | null; filter?: JobFilter | null }): Promise<Page<JobRow>> {
  const j = schema.jobs;
  const first = clampPageSize(input.first);
  const conditions: SQL[] = [eq(j.shopId, input.shopId), isNull(j.deletedAt)];
  const filter = input.filter ?? {};
  if (filter.stage) conditions.push(eq(j.stageKey, filter.stage));
  if (filter.stages) conditions.push(filter.stages.length > 0 ? inArray(j.stageKey, [...filter.stages]) : sql`false`);
  if (filter.tag) conditions.push(sql`${filter.tag} = any(${j.tags})`);
  if (filter.dueBefore) conditions.push(lt(j.dueAt, filter.dueBefore));
  if (filter.search?.trim()) {
    const search = filter.search.trim();
    const pattern = likePattern(search);
    const number = parseJobNumber(search);
    const o = schema.orders;
    conditions.push(
      or(
        number === null ? undefined : eq(j.number, number),
        ilike(j.title, pattern),
        ilike(j.location, pattern),
        sql`exists (select 1 from ${o} where ${o.shopId} = ${j.shopId} and ${o.id} = ${j.orderId} and (${o.name} ilike ${pattern} or ${o.externalId} = ${search}))`,
      )!,
    );
  }
  if (input.after) {
    const [number] = decodeCursor(input.after, z.tuple([z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]));
    conditions.push(gt(j.number, number));
  }
  const rows = await tx.select().from(j).where(and(...conditions)).orderBy(asc(j.number)).limit(first + 1);
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return { nodes: page, endCursor: last ? encodeCursor([last.number]) : null, hasNextPage: rows.length > first };
}
