import { MaxRectsSheet } from './maxrects-sheet.ts';
import type { Bin, Piece, Rule } from './pieces.ts';

/**
 * Fill one sheet at a time, each step taking the best (piece, free rectangle, orientation)
 * over every piece still to place: the "global best choice" MaxRects. Pieces of the same
 * shape are scored once per step. `priority` (per shape, default 1) scales each shape's
 * score in its favour and breaks ties towards larger area × priority; the improvement
 * phase draws it at random to explore other packings than the plain rule's.
 * With `maxSheets`, stops after that many sheets even if pieces are left over.
 */
export function fillSheets(pieces: readonly Piece[], shapeOf: Int32Array, ids: readonly number[], bin: Bin, rule: Rule, priority?: Float64Array, maxSheets = Infinity): MaxRectsSheet[] {
  // One stack of ids per shape, in order of first appearance: a step costs shapes × free rectangles.
  const stackOf = new Map<number, number[]>();
  for (const id of ids) {
    const shape = shapeOf[id]!;
    const stack = stackOf.get(shape);
    if (stack) stack.push(id);
    else stackOf.set(shape, [id]);
  }
  const stacks = [...stackOf.values()];
  let left = ids.length;
  const sheets: MaxRectsSheet[] = [];
  while (left > 0 && sheets.length < maxSheets) {
    const sheet = new MaxRectsSheet(bin);
    for (;;) {
      let bestAt = -1;
      let bestX = 0;
      let bestY = 0;
      let bestRot = false;
      let bestS1 = Infinity;
      let bestS2 = Infinity;
      let bestTie = -Infinity;
      for (let k = 0; k < stacks.length; k++) {
        const stack = stacks[k]!;
        if (stack.length === 0) continue;
        const id = stack[stack.length - 1]!;
        const p = pieces[id]!;
        const weight = priority ? priority[shapeOf[id]!]! : 1;
        const tie = p.area * weight;
        const visit = (rotated: boolean) => (x: number, y: number, raw: number, s2: number) => {
          // A priority above 1 makes the piece's fit look better than it is (scores are costs).
          const s1 = weight === 1 ? raw : raw >= 0 ? raw / weight : raw * weight;
          if (s1 < bestS1 || (s1 === bestS1 && (s2 < bestS2 || (s2 === bestS2 && tie > bestTie)))) {
            bestAt = k;
            bestX = x;
            bestY = y;
            bestRot = rotated;
            bestS1 = s1;
            bestS2 = s2;
            bestTie = tie;
          }
        };
        sheet.eachFit(p.w, p.h, rule, visit(false));
        if (p.rotatable && p.w !== p.h) sheet.eachFit(p.h, p.w, rule, visit(true));
      }
      if (bestAt < 0) break;
      const id = stacks[bestAt]!.pop()!;
      sheet.place(pieces[id]!, id, { x: bestX, y: bestY, rotated: bestRot });
      left--;
    }
    if (sheet.slots.length === 0) {
      // A trial bin (maxSheets) may be too small for what is left; otherwise callers pass
      // only pieces that fit an empty bin, so an empty sheet means a bug, not bad input.
      if (maxSheets !== Infinity) break;
      throw new Error('gang-up: a piece fits no empty sheet');
    }
    sheets.push(sheet);
  }
  return sheets;
}

/**
 * Pieces in the given order, each into the first open sheet where it fits (first fit), at
 * the rule's best spot. Only the last `window` sheets are tried, which keeps thousands of
 * pieces linear; the earlier ones are nearly full by then.
 */
export function firstFit(pieces: readonly Piece[], order: readonly number[], bin: Bin, rule: Rule, window = Infinity): MaxRectsSheet[] {
  const sheets: MaxRectsSheet[] = [];
  for (const id of order) {
    const p = pieces[id]!;
    let placed = false;
    for (let i = Math.max(0, sheets.length - window); i < sheets.length; i++) {
      const sheet = sheets[i]!;
      const at = sheet.best(p, rule);
      if (at) {
        sheet.place(p, id, at);
        placed = true;
        break;
      }
    }
    if (!placed) {
      const sheet = new MaxRectsSheet(bin);
      const at = sheet.best(p, rule);
      if (!at) throw new Error('gang-up: a piece fits no empty sheet');
      sheet.place(p, id, at);
      sheets.push(sheet);
    }
  }
  return sheets;
}

export type SortKey = 'area' | 'height' | 'width' | 'long' | 'short' | 'perimeter';
export const SORT_KEYS: readonly SortKey[] = ['area', 'height', 'width', 'long', 'perimeter', 'short'];

/** Ids sorted by a decreasing key (ties by area, then id, so the order is deterministic). */
export function sortedIds(pieces: readonly Piece[], ids: readonly number[], key: SortKey, noise?: () => number): number[] {
  const value = (p: Piece): number => {
    switch (key) {
      case 'area':
        return p.area;
      case 'height':
        return p.h * 1e6 + p.w;
      case 'width':
        return p.w * 1e6 + p.h;
      case 'long':
        return Math.max(p.w, p.h) * 1e6 + Math.min(p.w, p.h);
      case 'short':
        return Math.min(p.w, p.h) * 1e6 + Math.max(p.w, p.h);
      case 'perimeter':
        return p.w + p.h;
    }
  };
  const keyed = ids.map((id) => ({ id, v: value(pieces[id]!) * (noise ? 1 + noise() : 1), a: pieces[id]!.area }));
  keyed.sort((a, b) => b.v - a.v || b.a - a.a || a.id - b.id);
  return keyed.map((k) => k.id);
}
