import { and, eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { packingArea, utilizationOf, type GangTarget, type GangUpResult, type PlacedCopy } from '../../domain/index.ts';
import type { GangRunItemRow, GangRunPlacementRow, GangRunRow } from './run-reads.ts';

/** Every copy of a packer result as stored rows: sheet 0 on a roll. */
export function placedCopies(result: GangUpResult): PlacedCopy[] {
  const toCopy = (sheet: number) => (p: { id: string; copy: number; x: number; y: number; width: number; height: number; rotated: boolean }): PlacedCopy => ({ itemId: p.id, copy: p.copy, sheet, x: p.x, y: p.y, width: p.width, height: p.height, rotated: p.rotated });
  return result.layout.kind === 'roll' ? result.layout.placements.map(toCopy(0)) : result.layout.sheets.flatMap((sheet, s) => sheet.placements.map(toCopy(s)));
}

/**
 * Replaces the run's placements with a new layout and bumps its layout version, so
 * outputs of the old layout are no longer current. Item copy counts follow the layout.
 */
export async function storeLayout(
  tx: Tx,
  run: GangRunRow,
  items: readonly GangRunItemRow[],
  layout: { placements: readonly PlacedCopy[]; sheets: number; rollLength: number | null; utilization: number },
  at: Date,
): Promise<GangRunRow> {
  const { shopId } = run;
  await tx.delete(schema.gangRunPlacements).where(and(eq(schema.gangRunPlacements.shopId, shopId), eq(schema.gangRunPlacements.runId, run.id)));
  const itemById = new Map(items.map((item) => [item.id, item]));
  const copies = new Map<string, number>();
  for (const p of layout.placements) copies.set(p.itemId, (copies.get(p.itemId) ?? 0) + 1);
  for (const item of items) {
    const count = copies.get(item.id) ?? 0;
    if (count !== item.copies) await tx.update(schema.gangRunItems).set({ copies: count }).where(and(eq(schema.gangRunItems.shopId, shopId), eq(schema.gangRunItems.id, item.id)));
  }
  // Inserted in slices: a big run has thousands of copies and a statement has a parameter limit.
  const rows = layout.placements.map((p) => {
    const item = itemById.get(p.itemId)!;
    return { shopId, runId: run.id, runItemId: item.id, jobId: item.jobId, orderLineId: item.orderLineId, copy: p.copy, sheet: p.sheet, x: p.x, y: p.y, width: p.width, height: p.height, rotated: p.rotated };
  });
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(schema.gangRunPlacements).values(rows.slice(i, i + 2000));
  const [updated] = await tx
    .update(schema.gangRuns)
    .set({ sheets: layout.sheets, rollLengthMm: layout.rollLength, utilization: layout.utilization, layoutVersion: run.layoutVersion + 1, updatedAt: at })
    .where(and(eq(schema.gangRuns.shopId, shopId), eq(schema.gangRuns.id, run.id)))
    .returning();
  return updated!;
}

/**
 * The run's layout without some copies, everything else where it was: the holes stay,
 * only sheets left empty go (and are renumbered).
 */
export function layoutWithHoles(run: GangRunRow, placements: readonly GangRunPlacementRow[], drop: (placement: GangRunPlacementRow) => boolean) {
  const kept: PlacedCopy[] = placements
    .filter((p) => !drop(p))
    .map((p) => ({ itemId: p.runItemId, copy: p.copy, sheet: p.sheet, x: p.x, y: p.y, width: p.width, height: p.height, rotated: p.rotated }));
  const used = [...new Set(kept.map((p) => p.sheet))].sort((a, b) => a - b);
  const renumber = new Map(used.map((sheet, i) => [sheet, i]));
  for (const p of kept) p.sheet = renumber.get(p.sheet)!;
  const area = packingArea(run.target as unknown as GangTarget)!;
  const sheets = area.kind === 'roll' ? Math.min(1, kept.length) : used.length;
  const rollLength = area.kind === 'roll' ? run.rollLengthMm : null;
  return { placements: kept, sheets, rollLength, utilization: utilizationOf(area, kept, sheets, rollLength) };
}
