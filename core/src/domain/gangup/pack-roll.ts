import { fillSheets, SORT_KEYS, sortedIds, type SortKey } from './construct.ts';
import { stripLowerBound } from './lower-bound.ts';
import { MaxRectsSheet } from './maxrects-sheet.ts';
import { shapesOf } from './pack-sheets.ts';
import { RULES, type Piece, type Rule, type Slot } from './pieces.ts';
import type { Prng } from './prng.ts';

export interface StripRun {
  pieces: readonly Piece[];
  width: number;
  prng: Prng;
  stop: () => boolean;
}

export interface StripPacking {
  slots: Slot[];
  /** Extent along the strip of the (grown) pieces. */
  length: number;
  lowerBound: number;
}

/** Above this many distinct shapes, squeezing by global choice costs too much per step. */
const SQUEEZE_SHAPE_LIMIT = 400;
/** Contact point scans every placed piece per candidate: used on short lists only. */
const CONTACT_LIMIT = 150;

/**
 * Strip packing (a roll of fixed width, minimise the length): MaxRects in a strip taller
 * than any packing needs, bottom-left rule, for several sort orders. Then, until the
 * budget ends, two moves in turn: a change to the best order (swap two pieces or move one)
 * kept when no longer, and a squeeze: pack everything into one bin a little shorter than
 * the best length by global best choice, kept when everything fits.
 */
export function packStrip(run: StripRun): StripPacking {
  const { pieces, width, prng } = run;
  const lowerBound = stripLowerBound(pieces, width);
  if (pieces.length === 0) return { slots: [], length: 0, lowerBound: 0 };
  let tall = 0;
  for (const p of pieces) tall += Math.max(p.w, p.h);
  const decode = (order: readonly number[]) => {
    const sheet = new MaxRectsSheet({ width, height: tall });
    for (const id of order) {
      const p = pieces[id]!;
      const at = sheet.best(p, 'bl');
      if (!at) throw new Error('gang-up: a piece fits no strip');
      sheet.place(p, id, at);
    }
    return { slots: sheet.slots, length: extent(sheet.slots) };
  };
  const ids = pieces.map((_, i) => i);
  let bestOrder: number[] = ids;
  let best = { slots: [] as Slot[], length: Infinity };
  // A long strip's free list grows with its skyline, so a decode of thousands of pieces is
  // costly: one order then, the one that measured best on mixed sizes (long side first).
  const keys: readonly SortKey[] = pieces.length > 400 ? ['long'] : SORT_KEYS;
  for (const key of keys) {
    const order = sortedIds(pieces, ids, key);
    const packed = decode(order);
    if (packed.length < best.length) {
      best = packed;
      bestOrder = order;
    }
  }

  const { shapeOf, shapes } = shapesOf(pieces);
  const squeeze = shapes <= SQUEEZE_SHAPE_LIMIT;
  const priority = new Float64Array(shapes);
  const rules: readonly Rule[] = pieces.length <= CONTACT_LIMIT ? RULES : RULES.filter((rule) => rule !== 'cp');
  const atBound = () => best.length <= lowerBound * (1 + 1e-12);
  for (let step = 0; pieces.length > 1 && !atBound() && !run.stop(); step++) {
    if (squeeze && step % 2 === 1) {
      const gap = best.length - lowerBound;
      const target = best.length - Math.max(gap * (0.02 + 0.3 * prng.next()), 1e-9 * best.length);
      if (target < lowerBound) continue;
      for (let i = 0; i < shapes; i++) priority[i] = 1 + prng.next() * 0.6;
      const [sheet] = fillSheets(pieces, shapeOf, ids, { width, height: target }, rules[prng.int(rules.length)]!, priority, 1);
      if (sheet && sheet.slots.length === pieces.length) best = { slots: sheet.slots, length: extent(sheet.slots) };
      continue;
    }
    const order = bestOrder.slice();
    const i = prng.int(order.length);
    const j = prng.int(order.length);
    if (prng.next() < 0.5) [order[i], order[j]] = [order[j]!, order[i]!];
    else order.splice(j, 0, order.splice(i, 1)[0]!);
    const packed = decode(order);
    if (packed.length <= best.length) {
      best = packed;
      bestOrder = order;
    }
  }
  return { slots: best.slots, length: best.length, lowerBound };
}

function extent(slots: readonly Slot[]): number {
  let length = 0;
  for (const s of slots) if (s.y + s.h > length) length = s.y + s.h;
  return length;
}
