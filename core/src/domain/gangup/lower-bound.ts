import type { Bin, Piece } from './pieces.ts';

/**
 * A lower bound on the sheets any packing needs, so the search can stop as soon as it
 * reaches it. For fixed orientation this is Martello & Vigo's L2 (Management Science
 * 44(3), 1998), which dominates the area bound; with rotation allowed it is the area bound
 * and the count of pieces too big to share a sheet in any orientation.
 */
export function sheetLowerBound(pieces: readonly Piece[], bin: Bin): number {
  if (pieces.length === 0) return 0;
  const W = bin.width;
  const H = bin.height;
  let area = 0;
  for (const p of pieces) area += p.area;
  let bound = Math.ceil(area / (W * H) - 1e-9);
  if (pieces.some((p) => p.rotatable)) {
    // Two pieces each over half the sheet in both directions, whichever way they are turned, never share one.
    const big = pieces.filter((p) => p.w > W / 2 && p.h > H / 2 && (!p.rotatable || (p.h > W / 2 && p.w > H / 2))).length;
    return Math.max(bound, big);
  }
  const dims = pieces.map((p) => ({ w: p.w, h: p.h }));
  bound = Math.max(bound, oneDimensional(dims, W, H), oneDimensional(dims.map((d) => ({ w: d.h, h: d.w })), H, W), l2(dims, W, H));
  return bound;
}

/** Pieces taller than half the sheet cannot stack, so across the width they are a 1D bin packing (L1 of Martello–Vigo). */
function oneDimensional(dims: readonly { w: number; h: number }[], W: number, H: number): number {
  const tall = dims.filter((d) => d.h > H / 2).map((d) => d.w);
  if (tall.length === 0) return 0;
  const qs = distinct(tall.filter((w) => w <= W / 2)).slice(0, 64);
  let best = tall.filter((w) => w > W / 2).length;
  for (const q of qs) {
    let n12 = 0;
    let slack2 = 0;
    let sum3 = 0;
    for (const w of tall) {
      if (w > W - q) n12++;
      else if (w > W / 2) {
        n12++;
        slack2 += W - w;
      } else if (w >= q) sum3 += w;
    }
    best = Math.max(best, n12 + Math.max(0, Math.ceil((sum3 - slack2) / W - 1e-9)));
  }
  return best;
}

/** L2(p, q): pieces big in both directions each need a sheet; small ones only fill what the half-big leave. */
function l2(dims: readonly { w: number; h: number }[], W: number, H: number): number {
  const ps = distinct(dims.filter((d) => d.h <= H / 2).map((d) => d.h)).slice(0, 48);
  const qs = distinct(dims.filter((d) => d.w <= W / 2).map((d) => d.w)).slice(0, 48);
  let best = 0;
  for (const p of ps) {
    for (const q of qs) {
      let n1 = 0;
      let n2 = 0;
      let area23 = 0;
      for (const d of dims) {
        if (d.h > H - p && d.w > W - q) n1++;
        else if (d.h > H / 2 && d.w > W / 2) {
          n2++;
          area23 += d.w * d.h;
        } else if (d.h <= H / 2 && d.h >= p && d.w <= W / 2 && d.w >= q) area23 += d.w * d.h;
      }
      best = Math.max(best, n1 + n2 + Math.max(0, Math.ceil(area23 / (W * H) - n2 - 1e-9)));
    }
  }
  return best;
}

/** Lower bound on a strip's length: the area bound and the tallest piece in its flattest allowed orientation. */
export function stripLowerBound(pieces: readonly Piece[], width: number): number {
  let area = 0;
  let tallest = 0;
  for (const p of pieces) {
    area += p.area;
    const upright = p.w <= width ? p.h : Infinity;
    const turned = p.rotatable && p.h <= width ? p.w : Infinity;
    const h = Math.min(upright, turned);
    if (h > tallest) tallest = h;
  }
  return Math.max(area / width, tallest);
}

/** Distinct values, smallest first: the thresholds where the bound can change. */
function distinct(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
