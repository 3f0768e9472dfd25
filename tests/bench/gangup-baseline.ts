/** The baseline: maxrects-packer at its best per instance over its options, items fed largest area first. */
import type * as MaxRects from 'maxrects-packer';

// The package's "main" is a UMD bundle under "type": "module", where Node finds no named
// exports; its ES module build sits beside it.
const esmBuild: string = 'maxrects-packer/dist/maxrects-packer.mjs';
const { MaxRectsPacker, PACKING_LOGIC } = (await import(esmBuild)) as typeof MaxRects;

const VARIANTS = [
  ...[PACKING_LOGIC.MAX_AREA, PACKING_LOGIC.MAX_EDGE, PACKING_LOGIC.FILL_WIDTH].flatMap((logic) => [
    { smart: true, logic },
    { smart: false, logic },
  ]),
];

/** Fewest bins over maxrects-packer's logics, smart on and off, fed one by one by area and as an array (its own sort). */
export function maxrectsPackerBins(bin: { width: number; height: number }, items: readonly { width: number; height: number }[]): number {
  const byArea = items.slice().sort((a, b) => b.width * b.height - a.width * a.height);
  let best = Infinity;
  for (const variant of VARIANTS) {
    for (const batch of [false, true]) {
      const packer = new MaxRectsPacker(bin.width, bin.height, 0, { ...variant, pot: false, square: false, allowRotation: false });
      if (batch) packer.addArray(byArea.map((item) => ({ width: item.width, height: item.height, x: 0, y: 0 }) as never));
      else for (const item of byArea) packer.add(item.width, item.height, null);
      best = Math.min(best, packer.bins.length);
    }
  }
  return best;
}

/** maxrects-packer on many rotatable rectangles, as its README suggests (smart, max area): sheets and placed area. */
export function maxrectsPackerMixed(bin: { width: number; height: number }, items: readonly { width: number; height: number }[]): { sheets: number; areas: number[] } {
  const packer = new MaxRectsPacker(bin.width, bin.height, 0, { smart: false, pot: false, square: false, allowRotation: true, logic: PACKING_LOGIC.MAX_AREA });
  packer.addArray(items.map((item) => ({ width: item.width, height: item.height, x: 0, y: 0 }) as never));
  return { sheets: packer.bins.length, areas: packer.bins.map((b) => b.rects.reduce((sum: number, r: { width: number; height: number }) => sum + r.width * r.height, 0)) };
}
