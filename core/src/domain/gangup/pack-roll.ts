import { SORT_KEYS, sortedIds, type SortKey } from './construct.ts';
import { stripLowerBound } from './lower-bound.ts';
import { MaxRectsSheet } from './maxrects-sheet.ts';
import type { Piece, Slot } from './pieces.ts';
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

/**
 * Strip packing (a roll of fixed width, minimise the length): MaxRects in a strip taller
 * than any packing needs, bottom-left rule, for several sort orders; then a local search
 * on the order (swap two pieces or move one), keeping any order that is no longer.
 */
export function packStrip(run: StripRun): StripPacking {
  const { pieces, width, prng } = run;
  const lowerBound = stripLowerBound(pieces, width);
  if (pieces.length === 0) return { slots: [], length: 0, lowerBound: 0 };
  let tall = 0;
  for (const p of pieces) tall += Math.max(p.w, p.h);
  const decode = (order: readonly number[]) => {
    const sheet = new MaxRectsSheet({ width, height: tall });
    let length = 0;
    for (const id of order) {
      const p = pieces[id]!;
      const at = sheet.best(p, 'bl');
      if (!at) throw new Error('gang-up: a piece fits no strip');
      const slot = sheet.place(p, id, at);
      if (slot.y + slot.h > length) length = slot.y + slot.h;
    }
    return { slots: sheet.slots, length };
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
  const atBound = () => best.length <= lowerBound * (1 + 1e-12);
  while (pieces.length > 1 && !atBound() && !run.stop()) {
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
