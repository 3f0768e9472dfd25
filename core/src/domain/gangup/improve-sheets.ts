import { fillSheets, firstFit, SORT_KEYS, sortedIds } from './construct.ts';
import type { MaxRectsSheet } from './maxrects-sheet.ts';
import type { Bin, Piece, Slot } from './pieces.ts';
import { RULES } from './pieces.ts';
import type { Prng } from './prng.ts';

export interface SheetState {
  slots: Slot[];
  area: number;
}

export interface ImproveContext {
  pieces: readonly Piece[];
  shapeOf: Int32Array;
  shapes: number;
  bin: Bin;
  lowerBound: number;
  prng: Prng;
  /** Asked before every step; true ends the search. */
  stop: () => boolean;
}

export function toStates(sheets: readonly MaxRectsSheet[]): SheetState[] {
  return sheets.map((s) => ({ slots: s.slots, area: s.usedArea }));
}

/** Secondary objective at equal sheet count: uneven fill is better, it drains a sheet towards empty. */
export function spread(sheets: readonly { area: number }[]): number {
  let sum = 0;
  for (const s of sheets) sum += s.area * s.area;
  return sum;
}

/**
 * Large-neighbourhood search on sheet count: take the least-filled sheet (or another
 * weak one) with one to four others, re-pack their pieces together with a randomised
 * constructive rule, and keep the result when it needs fewer sheets, or as many sheets
 * with a more uneven fill (sum of squared fills). Uneven fill is what lets the weakest
 * sheet empty out over a run of steps. Stops at the lower bound or when told to.
 */
export function improveSheets(start: SheetState[], ctx: ImproveContext): SheetState[] {
  let sheets = start.slice();
  const { prng } = ctx;
  const priority = new Float64Array(ctx.shapes);
  while (sheets.length > ctx.lowerBound && sheets.length > 1 && !ctx.stop()) {
    const byFill = sheets.map((s, i) => ({ i, area: s.area })).sort((a, b) => a.area - b.area);
    const target = prng.next() < 0.6 ? byFill[0]!.i : byFill[prng.int(Math.ceil(byFill.length / 2))]!.i;
    const k = 1 + prng.int(Math.min(4, sheets.length - 1));
    const chosen = new Set<number>([target]);
    while (chosen.size < k + 1) chosen.add(prng.int(sheets.length));
    const ids: number[] = [];
    const old: SheetState[] = [];
    for (const i of chosen) {
      old.push(sheets[i]!);
      for (const s of sheets[i]!.slots) ids.push(s.piece);
    }
    const repacked = toStates(repack(ids, ctx, priority));
    if (repacked.length < old.length || (repacked.length === old.length && spread(repacked) >= spread(old))) {
      sheets = sheets.filter((_, i) => !chosen.has(i)).concat(repacked);
    }
  }
  return sheets;
}

/** How far a random priority may favour a shape when re-packing (see fillSheets). */
const NOISE = 0.6;
/** Pools above this many pieces are re-packed by first fit only (global choice is quadratic in distinct shapes). */
const GLOBAL_POOL_LIMIT = 400;

function repack(ids: number[], ctx: ImproveContext, priority: Float64Array): MaxRectsSheet[] {
  const { prng, pieces, bin } = ctx;
  const large = ids.length > GLOBAL_POOL_LIMIT;
  // Contact point scans every placed piece per candidate: kept to small pools.
  const rule = large ? (prng.next() < 0.5 ? 'bl' : 'bssf') : RULES[prng.int(RULES.length)]!;
  if (!large && prng.next() < 0.5) {
    for (let i = 0; i < priority.length; i++) priority[i] = 1 + prng.next() * NOISE;
    return fillSheets(pieces, ctx.shapeOf, ids, bin, rule, priority);
  }
  const key = SORT_KEYS[prng.int(SORT_KEYS.length)]!;
  return firstFit(pieces, sortedIds(pieces, ids, key, () => prng.next() * 0.3), bin, rule);
}
