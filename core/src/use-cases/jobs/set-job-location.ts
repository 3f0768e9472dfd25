import { and, desc, eq, like, sql } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { asJobId, cleanLocation, jobActivityEvent } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import { insertJobEvents } from './insert-job-events.ts';
import { lockJob } from './lock-job.ts';

const j = schema.jobs;
const e = schema.jobEvents;
/** The audit note of a move to a place; the suggestions read the places back from it. */
const AT = 'at ';

/**
 * Records where a job's piece physically is (null: cleared). Audited on the job's trail;
 * setting the place it already is writes nothing.
 */
export async function setJobLocation(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  input: { shopId: string; jobId: string; location: string | null; actor: string },
): Promise<void> {
  const cleaned = cleanLocation(input.location);
  if (!cleaned.ok) throw new BadRequestError(cleaned.problem);
  await withShop(deps.db, input.shopId, async (tx) => {
    const job = await lockJob(tx, input.shopId, input.jobId);
    const [current] = await tx.select({ location: j.location }).from(j).where(and(eq(j.shopId, input.shopId), eq(j.id, input.jobId)));
    if ((current?.location ?? null) === cleaned.location) return;
    const at = deps.clock();
    await tx.update(j).set({ location: cleaned.location, locationChangedAt: at, updatedAt: at }).where(and(eq(j.shopId, input.shopId), eq(j.id, input.jobId)));
    const note = cleaned.location ? `${AT}${cleaned.location}` : 'location cleared';
    await insertJobEvents(tx, input.shopId, [jobActivityEvent({ jobId: asJobId(input.jobId), at, actor: input.actor, kind: 'location_changed', stage: job.stageKey, note })]);
  });
}

/** The places the shop's jobs were put lately (from the audit trail), most recent first: suggestions for the operator. */
export async function recentJobLocations(deps: Pick<CoreDeps, 'db'>, shopId: string, limit = 30): Promise<string[]> {
  return withShop(deps.db, shopId, async (tx) => {
    // A literal, not a parameter: the select and the group by must be the same expression.
    const place = sql<string>`substring(${e.note} from ${sql.raw(String(AT.length + 1))})`;
    const rows = await tx
      .select({ location: place })
      .from(e)
      .where(and(eq(e.shopId, shopId), eq(e.kind, 'location_changed'), like(e.note, `${AT}%`)))
      .groupBy(place)
      .orderBy(desc(sql`max(${e.id})`))
      .limit(limit);
    return rows.map((row) => row.location);
  });
}
