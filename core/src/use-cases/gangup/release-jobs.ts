import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { loadRun, runItems, runPlacements } from './run-reads.ts';
import { layoutWithHoles, storeLayout } from './store-layout.ts';

/**
 * Takes cancelled jobs out of the planned runs that serve them: their copies leave the
 * layout as holes (the rest keeps its place, so nothing else moves on a plate already
 * checked), the layout version moves on so the old output is no longer current, and a
 * run left empty is cancelled. A running run has already printed them; it is left alone.
 * Needs no file store: the next start (or `imposeGangRun`) imposes the new layout.
 */
export async function releaseJobsFromPlannedRuns(tx: Tx, input: { shopId: string; jobIds: readonly string[]; at: Date }): Promise<{ runIds: string[] }> {
  if (input.jobIds.length === 0) return { runIds: [] };
  const { shopId } = input;
  const j = schema.gangRunJobs;
  const r = schema.gangRuns;
  const rows = await tx
    .select({ runId: j.runId })
    .from(j)
    .innerJoin(r, and(eq(r.shopId, j.shopId), eq(r.id, j.runId)))
    .where(and(eq(j.shopId, shopId), inArray(j.jobId, [...input.jobIds]), eq(r.status, 'planned')));
  const runIds = [...new Set(rows.map((row) => row.runId))].sort();
  const leaving = new Set(input.jobIds);
  for (const runId of runIds) {
    const run = await loadRun(tx, shopId, runId, true);
    if (run.status !== 'planned') continue;
    const items = await runItems(tx, shopId, [run.id]);
    const layout = layoutWithHoles(run, await runPlacements(tx, shopId, [run.id]), (p) => leaving.has(p.jobId));
    await storeLayout(tx, run, items, layout, input.at);
    await tx.delete(j).where(and(eq(j.shopId, shopId), eq(j.runId, run.id), inArray(j.jobId, [...input.jobIds])));
    if (layout.placements.length === 0) await tx.update(r).set({ status: 'cancelled', updatedAt: input.at }).where(and(eq(r.shopId, shopId), eq(r.id, run.id)));
  }
  return { runIds };
}
