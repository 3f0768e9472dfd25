import { and, eq, inArray } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { packGangUp, packingArea, type GangTarget, type PlacedCopy } from '../../domain/index.ts';
import { BadRequestError, ConflictError } from '../../errors.ts';
import { imposeGangRun } from './impose-gang-run.ts';
import { loadRun, runItems, runPlacements, type GangRunRow } from './run-reads.ts';
import { layoutWithHoles, placedCopies, storeLayout } from './store-layout.ts';

export interface RemoveLineInput {
  shopId: string;
  runId: string;
  orderLineId: string;
  /** Pack the rest again (fewer sheets, new positions) or leave a hole where the line was. */
  repack: boolean;
  actor: string;
}

/**
 * Takes one order line out of a planned run (its order changed or was cancelled): its
 * copies leave the layout, which is re-packed or keeps the hole, and is re-imposed. A job
 * left with nothing in the run is no longer served by it; a run left empty is cancelled.
 */
export async function removeGangRunLine(deps: Pick<CoreDeps, 'db' | 'clock' | 'files'>, input: RemoveLineInput): Promise<GangRunRow> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const at = deps.clock();
    const run = await loadRun(tx, input.shopId, input.runId, true);
    if (run.status !== 'planned') throw new ConflictError(`The gang run is ${run.status}; lines can only be taken out before it starts`);
    const items = await runItems(tx, input.shopId, [run.id]);
    const removed = new Set(items.filter((item) => item.orderLineId === input.orderLineId && item.copies > 0).map((item) => item.id));
    if (removed.size === 0) throw new BadRequestError('The run makes nothing for that order line');
    const kept = items.filter((item) => !removed.has(item.id) && item.copies > 0);
    const area = packingArea(run.target as unknown as GangTarget)!;

    let layout: { placements: PlacedCopy[]; sheets: number; rollLength: number | null; utilization: number };
    if (input.repack && kept.length > 0) {
      const packed = packGangUp(
        { target: area, gutter: run.gutterMm, bleed: run.bleedMm, items: kept.map((item) => ({ id: item.id, width: item.widthMm, height: item.heightMm, quantity: item.copies, rotatable: item.rotatable })) },
        { maxIterations: 200, seed: 1 },
      );
      // The same items fitted before; a refusal here is a bug, not input.
      if (!packed.ok || packed.unplaced.length > 0) throw new Error(`re-packing gang run ${run.id} lost items`);
      layout = { placements: placedCopies(packed), sheets: packed.layout.kind === 'sheets' ? packed.layout.sheets.length : 1, rollLength: packed.layout.kind === 'roll' ? packed.layout.length : null, utilization: packed.utilization };
    } else {
      layout = layoutWithHoles(run, await runPlacements(tx, input.shopId, [run.id]), (p) => removed.has(p.runItemId));
    }
    const updated = await storeLayout(tx, run, items, layout, at);

    const stillServed = new Set(kept.map((item) => item.jobId));
    const leaving = [...new Set(items.filter((item) => removed.has(item.id)).map((item) => item.jobId))].filter((jobId) => !stillServed.has(jobId));
    const j = schema.gangRunJobs;
    if (leaving.length > 0) await tx.delete(j).where(and(eq(j.shopId, input.shopId), eq(j.runId, run.id), inArray(j.jobId, leaving)));
    if (layout.placements.length === 0) {
      const [cancelled] = await tx.update(schema.gangRuns).set({ status: 'cancelled', updatedAt: at }).where(and(eq(schema.gangRuns.shopId, input.shopId), eq(schema.gangRuns.id, run.id))).returning();
      return cancelled!;
    }
    await imposeGangRun(deps, tx, updated);
    return updated;
  });
}
