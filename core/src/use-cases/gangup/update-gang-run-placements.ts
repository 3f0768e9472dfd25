import { and, eq, inArray } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { applyPlacementChanges, packingArea, type GangTarget, type PlacementChange } from '../../domain/index.ts';
import { BadRequestError, ConflictError } from '../../errors.ts';
import { addJobItemToRun } from './add-job-item.ts';
import { imposeGangRun } from './impose-gang-run.ts';
import { loadRun, runItems, runPlacements, type GangRunRow } from './run-reads.ts';
import { storeLayout } from './store-layout.ts';

export type PlacementOverride =
  | { kind: 'move'; placementId: string; sheet?: number | null; x: number; y: number; rotated?: boolean | null }
  | { kind: 'remove'; placementId: string }
  /** A copy of an item already in the run (`runItemId`) or of a job item not yet in it (`jobItemId`). */
  | { kind: 'add'; runItemId?: string | null; jobItemId?: string | null; sheet: number; x: number; y: number; rotated?: boolean | null };

export interface UpdatePlacementsInput {
  shopId: string;
  runId: string;
  changes: readonly PlacementOverride[];
  actor: string;
}

const MAX_CHANGES = 1_000;

/**
 * An operator's edits to a planned run: move, remove or add copies. The edited layout is
 * checked like the packer's own (no overlap, gutter kept, inside the sheet with its
 * bleed) and refused whole with every problem named; an accepted one is re-imposed.
 */
export async function updateGangRunPlacements(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock' | 'files'>, input: UpdatePlacementsInput): Promise<GangRunRow> {
  if (input.changes.length === 0) throw new BadRequestError('No changes given');
  if (input.changes.length > MAX_CHANGES) throw new BadRequestError(`At most ${MAX_CHANGES} changes at once`);
  return withShop(deps.db, input.shopId, async (tx) => {
    const at = deps.clock();
    const run = await loadRun(tx, input.shopId, input.runId, true);
    if (run.status !== 'planned') throw new ConflictError(`The gang run is ${run.status}; its layout can only change before it starts`);
    let items = await runItems(tx, input.shopId, [run.id]);
    const changes: PlacementChange[] = [];
    for (const [i, change] of input.changes.entries()) {
      if (change.kind !== 'add') {
        changes.push(change);
        continue;
      }
      let itemId = change.runItemId ?? null;
      if (!itemId && change.jobItemId) {
        const existing = items.find((item) => item.jobItemId === change.jobItemId);
        itemId = existing?.id ?? (await addJobItemToRun(tx, { run, jobItemId: change.jobItemId, actor: input.actor, at, boss: deps.boss })).id;
        if (!existing) items = await runItems(tx, input.shopId, [run.id]);
      }
      if (!itemId) throw new BadRequestError(`changes[${i}]: an added copy needs runItemId or jobItemId`);
      changes.push({ kind: 'add', itemId, sheet: change.sheet, x: change.x, y: change.y, rotated: change.rotated ?? null });
    }

    const placements = await runPlacements(tx, input.shopId, [run.id]);
    const outcome = applyPlacementChanges(
      {
        area: packingArea(run.target as unknown as GangTarget)!,
        gutter: run.gutterMm,
        bleed: run.bleedMm,
        sheets: run.sheets,
        items: items.map((item) => ({ id: item.id, width: item.widthMm, height: item.heightMm, rotatable: item.rotatable })),
        placements: placements.map((p) => ({ id: p.id, itemId: p.runItemId, sheet: p.sheet, x: p.x, y: p.y, rotated: p.rotated })),
      },
      changes,
    );
    if (!outcome.ok) throw new BadRequestError(`The layout was refused: ${outcome.problems.join('; ')}`, { problems: outcome.problems });
    const updated = await storeLayout(tx, run, items, outcome, at);
    // A job whose every copy was removed is no longer served by the run (and may be ganged elsewhere).
    const placedJobs = new Set(items.filter((item) => (outcome.copies.get(item.id) ?? 0) > 0).map((item) => item.jobId));
    const dropped = [...new Set(items.map((item) => item.jobId))].filter((jobId) => !placedJobs.has(jobId));
    const j = schema.gangRunJobs;
    if (dropped.length > 0) await tx.delete(j).where(and(eq(j.shopId, input.shopId), eq(j.runId, run.id), inArray(j.jobId, dropped)));
    await imposeGangRun(deps, tx, updated);
    return updated;
  });
}
