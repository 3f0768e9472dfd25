import type { Bin, Piece, Rule, Slot } from './pieces.ts';

interface Free {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Candidate {
  x: number;
  y: number;
  rotated: boolean;
  s1: number;
  s2: number;
}

/**
 * One bin under the MaxRects scheme (Jylänki, "A thousand ways to pack the bin"): the
 * free space is kept as the list of maximal free rectangles, and a piece is placed at the
 * corner of one of them. Written here because maxrects-packer (the baseline) has no
 * global choice, no contact-point rule and no way to query a score without placing.
 */
export class MaxRectsSheet {
  readonly slots: Slot[] = [];
  usedArea = 0;
  /** Largest free area, width and height: a piece beyond them cannot go in, checked first. */
  maxFreeArea: number;
  private maxFreeW: number;
  private maxFreeH: number;
  private free: Free[];

  constructor(readonly bin: Bin) {
    this.free = [{ x: 0, y: 0, w: bin.width, h: bin.height }];
    this.maxFreeArea = bin.width * bin.height;
    this.maxFreeW = bin.width;
    this.maxFreeH = bin.height;
  }

  get freeCount(): number {
    return this.free.length;
  }

  /** The best spot for a piece in either allowed orientation, or undefined when none fits. */
  best(piece: Piece, rule: Rule): Candidate | undefined {
    if (piece.area > this.maxFreeArea) return undefined;
    let best: Candidate | undefined;
    for (let turn = 0; turn < (piece.rotatable && piece.w !== piece.h ? 2 : 1); turn++) {
      const w = turn === 0 ? piece.w : piece.h;
      const h = turn === 0 ? piece.h : piece.w;
      if (w > this.maxFreeW || h > this.maxFreeH) continue;
      for (const f of this.free) {
        if (w > f.w || h > f.h) continue;
        const s1 = this.score(f, w, h, rule);
        const s2 = this.tie;
        if (!best || s1 < best.s1 || (s1 === best.s1 && s2 < best.s2)) best = { x: f.x, y: f.y, rotated: turn === 1, s1, s2 };
      }
    }
    return best;
  }

  /** Scores every free rectangle for one orientation; calls back with each fitting spot. */
  eachFit(w: number, h: number, rule: Rule, visit: (x: number, y: number, s1: number, s2: number) => void): void {
    if (w * h > this.maxFreeArea || w > this.maxFreeW || h > this.maxFreeH) return;
    for (const f of this.free) {
      if (w > f.w || h > f.h) continue;
      const s1 = this.score(f, w, h, rule);
      visit(f.x, f.y, s1, this.tie);
    }
  }

  place(piece: Piece, index: number, at: { x: number; y: number; rotated: boolean }): Slot {
    const slot: Slot = { piece: index, x: at.x, y: at.y, w: at.rotated ? piece.h : piece.w, h: at.rotated ? piece.w : piece.h, rotated: at.rotated };
    this.slots.push(slot);
    this.usedArea += piece.area;
    this.carve(slot);
    return slot;
  }

  /** The score's second part, left here by score(): a pair would be an allocation per candidate. */
  private tie = 0;

  private score(f: Free, w: number, h: number, rule: Rule): number {
    const dw = f.w - w;
    const dh = f.h - h;
    switch (rule) {
      case 'bssf':
        this.tie = dw < dh ? dh : dw;
        return dw < dh ? dw : dh;
      case 'blsf':
        this.tie = dw < dh ? dw : dh;
        return dw < dh ? dh : dw;
      case 'baf':
        this.tie = dw < dh ? dw : dh;
        return f.w * f.h - w * h;
      case 'bl':
        this.tie = f.x;
        return f.y + h;
      case 'cp':
        this.tie = f.y + h;
        return -this.contact(f.x, f.y, w, h);
    }
  }

  /** Length of the new piece's perimeter touching the bin edges or placed pieces. */
  private contact(x: number, y: number, w: number, h: number): number {
    let c = 0;
    if (x === 0 || x + w === this.bin.width) c += h;
    if (y === 0 || y + h === this.bin.height) c += w;
    for (const s of this.slots) {
      if (s.x === x + w || s.x + s.w === x) c += overlap(s.y, s.y + s.h, y, y + h);
      if (s.y === y + h || s.y + s.h === y) c += overlap(s.x, s.x + s.w, x, x + w);
    }
    return c;
  }

  /** Splits every free rectangle the slot cuts into its maximal leftovers, then drops contained ones. */
  private carve(s: Slot): void {
    const kept: Free[] = [];
    const born: Free[] = [];
    const sx2 = s.x + s.w;
    const sy2 = s.y + s.h;
    for (const f of this.free) {
      const fx2 = f.x + f.w;
      const fy2 = f.y + f.h;
      if (s.x >= fx2 || sx2 <= f.x || s.y >= fy2 || sy2 <= f.y) {
        kept.push(f);
        continue;
      }
      if (s.x > f.x) born.push({ x: f.x, y: f.y, w: s.x - f.x, h: f.h });
      if (sx2 < fx2) born.push({ x: sx2, y: f.y, w: fx2 - sx2, h: f.h });
      if (s.y > f.y) born.push({ x: f.x, y: f.y, w: f.w, h: s.y - f.y });
      if (sy2 < fy2) born.push({ x: f.x, y: sy2, w: f.w, h: fy2 - sy2 });
    }
    // Kept rectangles were maximal before and cannot lie inside one another; only a newborn
    // can be redundant (inside a kept one or another newborn).
    const survivors: Free[] = [];
    outer: for (let i = 0; i < born.length; i++) {
      const a = born[i]!;
      for (const k of kept) if (contains(k, a)) continue outer;
      for (let j = 0; j < born.length; j++) {
        if (j === i) continue;
        const b = born[j]!;
        if (contains(b, a) && (!contains(a, b) || j < i)) continue outer;
      }
      survivors.push(a);
    }
    this.free = kept.concat(survivors);
    let maxArea = 0;
    let maxW = 0;
    let maxH = 0;
    for (const f of this.free) {
      if (f.w * f.h > maxArea) maxArea = f.w * f.h;
      if (f.w > maxW) maxW = f.w;
      if (f.h > maxH) maxH = f.h;
    }
    this.maxFreeArea = maxArea;
    this.maxFreeW = maxW;
    this.maxFreeH = maxH;
  }
}

function overlap(a1: number, a2: number, b1: number, b2: number): number {
  const lo = a1 > b1 ? a1 : b1;
  const hi = a2 < b2 ? a2 : b2;
  return hi > lo ? hi - lo : 0;
}

function contains(outer: Free, inner: Free): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}
