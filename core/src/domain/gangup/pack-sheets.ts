import { fillSheets, firstFit, SORT_KEYS, sortedIds, type SortKey } from './construct.ts';
import { improveSheets, spread, toStates, type SheetState } from './improve-sheets.ts';
import { sheetLowerBound } from './lower-bound.ts';
import type { MaxRectsSheet } from './maxrects-sheet.ts';
import { RULES, type Bin, type Piece, type Rule } from './pieces.ts';
import type { Prng } from './prng.ts';

/** Above this many pieces the quadratic global-choice rules are skipped: first fit over sorted orders only. */
const GLOBAL_CHOICE_LIMIT = 400;

export interface BinPackingRun {
  pieces: readonly Piece[];
  bin: Bin;
  prng: Prng;
  stop: () => boolean;
}

export interface BinPacking {
  sheets: SheetState[];
  lowerBound: number;
}

/**
 * Bin packing of pieces that each fit an empty bin: the best of a portfolio of
 * constructive rules (global best choice per rule; first fit per sort order and rule),
 * then the large-neighbourhood improvement until the lower bound or the budget's end.
 */
export function packBins(run: BinPackingRun): BinPacking {
  const { pieces, bin } = run;
  const ids = pieces.map((_, i) => i);
  if (ids.length === 0) return { sheets: [], lowerBound: 0 };
  const { shapeOf, shapes } = shapesOf(pieces);
  const lowerBound = sheetLowerBound(pieces, bin);

  let best: SheetState[] | undefined;
  const offer = (sheets: MaxRectsSheet[]) => {
    const states = toStates(sheets);
    if (!best || states.length < best.length || (states.length === best.length && spread(states) > spread(best))) best = states;
  };
  const done = () => best !== undefined && best.length <= lowerBound;
  const large = ids.length > GLOBAL_CHOICE_LIMIT;
  // For thousands of pieces, the order and rules that measured best on mixed sizes (long side first).
  const rules: readonly Rule[] = large ? ['bl', 'bssf'] : RULES;
  const keys: readonly SortKey[] = large ? ['long'] : SORT_KEYS;
  if (!large) {
    for (const rule of rules) {
      if (done()) break;
      offer(fillSheets(pieces, shapeOf, ids, bin, rule));
    }
  }
  for (const key of keys) {
    const order = sortedIds(pieces, ids, key);
    for (const rule of rules) {
      if (done()) break;
      offer(firstFit(pieces, order, bin, rule, large ? 64 : Infinity));
    }
  }
  const sheets = improveSheets(best!, { pieces, shapeOf, shapes, bin, lowerBound, prng: run.prng, stop: run.stop });
  return { sheets, lowerBound };
}

/** Pieces of equal size and rotation share a shape, scored once per step by the global rules. */
export function shapesOf(pieces: readonly Piece[]): { shapeOf: Int32Array; shapes: number } {
  const index = new Map<string, number>();
  const shapeOf = new Int32Array(pieces.length);
  pieces.forEach((p, i) => {
    const key = `${p.w}|${p.h}|${p.rotatable ? 1 : 0}`;
    let shape = index.get(key);
    if (shape === undefined) {
      shape = index.size;
      index.set(key, shape);
    }
    shapeOf[i] = shape;
  });
  return { shapeOf, shapes: index.size };
}
