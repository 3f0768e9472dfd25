import { and, eq } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError, ConflictError } from '../../errors.ts';
import { loadRun, runItems, type GangRunRow } from './run-reads.ts';

export interface SpoiledCopies {
  /** The order line whose copies were spoiled. */
  orderLineId: string;
  copies: number;
}

export interface RecordGangRunResultInput {
  shopId: string;
  runId: string;
  spoiled: readonly SpoiledCopies[];
  note?: string | null;
  actor: string;
}

/**
 * Records copies a finished run spoiled (misprints, bad cuts). The lines they belong to
 * owe them again, and a later run takes them as a remake. Append-only: a second report
 * adds to the first, and never past the copies the run made of the line.
 */
export async function recordGangRunResult(deps: Pick<CoreDeps, 'db' | 'clock'>, input: RecordGangRunResultInput): Promise<GangRunRow> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const run = await loadRun(tx, input.shopId, input.runId, true);
    if (run.status !== 'finished') throw new ConflictError(`The gang run is ${run.status}; spoilage is recorded once it is finished`);
    const items = await runItems(tx, input.shopId, [run.id]);
    const s = schema.gangRunSpoilage;
    const earlier = await tx.select({ itemId: s.runItemId, copies: s.copies }).from(s).where(and(eq(s.shopId, input.shopId), eq(s.runId, run.id)));
    const spoiledSoFar = new Map<string, number>();
    for (const row of earlier) spoiledSoFar.set(row.itemId, (spoiledSoFar.get(row.itemId) ?? 0) + row.copies);

    const problems: string[] = [];
    const rows: (typeof s.$inferInsert)[] = [];
    const at = deps.clock();
    input.spoiled.forEach((entry, i) => {
      if (!Number.isInteger(entry.copies) || entry.copies <= 0) return void problems.push(`spoiled[${i}].copies must be a whole number above 0`);
      let left = entry.copies;
      // A line may have several items in one run (one per job); spoilage fills them in order.
      for (const item of items.filter((candidate) => candidate.orderLineId === entry.orderLineId)) {
        const room = item.copies - (spoiledSoFar.get(item.id) ?? 0);
        const take = Math.min(room, left);
        if (take <= 0) continue;
        rows.push({ shopId: input.shopId, runId: run.id, runItemId: item.id, orderLineId: item.orderLineId, copies: take, actor: input.actor, note: input.note ?? null, at });
        spoiledSoFar.set(item.id, (spoiledSoFar.get(item.id) ?? 0) + take);
        left -= take;
      }
      if (left === entry.copies && !items.some((item) => item.orderLineId === entry.orderLineId)) problems.push(`spoiled[${i}]: the run made nothing for order line ${entry.orderLineId}`);
      else if (left > 0) problems.push(`spoiled[${i}]: ${entry.copies} copies spoiled but the run made only ${entry.copies - left} more of that line`);
    });
    if (problems.length > 0) throw new BadRequestError(`Spoilage not recorded: ${problems.join('; ')}`, { problems });
    if (rows.length > 0) await tx.insert(s).values(rows);
    return run;
  });
}
