import { better, type SearchState } from './search-state.ts';
import type { MachineLine } from './machine-line.ts';

/** Positions a job may jump within its own machine: beyond this, moves cost more than they find. */
const INTRA_WINDOW = 40;
/** Jobs of another machine tried for a swap, either side of the same start time. */
const SWAP_REACH = 3;

const EMPTY = new Int32Array(0);

/**
 * Local-search moves. Each evaluates candidate changes on at most two machines from their
 * precomputed timelines (MachineLine.evaluate) and applies the best one when it lowers
 * the objective (cost, then balance); they return whether they applied a move.
 */
export class Moves {
  private scratch = new Int32Array(256);
  private one = new Int32Array(1);

  constructor(private readonly state: SearchState) {}

  private buffer(size: number): Int32Array {
    if (this.scratch.length < size) this.scratch = new Int32Array(size * 2);
    return this.scratch;
  }

  /** Fills the buffer with the window that moving seq[i, e) before index q produces; returns [a, b, count]. */
  private window(line: MachineLine, i: number, e: number, q: number): [number, number, number] {
    const seq = line.seq;
    if (q < i) {
      const buf = this.buffer(e - q);
      let c = 0;
      for (let k = i; k < e; k++) buf[c++] = seq[k]!;
      for (let k = q; k < i; k++) buf[c++] = seq[k]!;
      return [q, e, c];
    }
    const buf = this.buffer(q - i);
    let c = 0;
    for (let k = e; k < q; k++) buf[c++] = seq[k]!;
    for (let k = i; k < e; k++) buf[c++] = seq[k]!;
    return [i, q, c];
  }

  private applyWindow(m: number, a: number, b: number, count: number): void {
    const line = this.state.lines[m]!;
    const next = line.seq.slice(0, a);
    for (let k = 0; k < count; k++) next.push(this.scratch[k]!);
    for (let k = b; k < line.seq.length; k++) next.push(line.seq[k]!);
    this.state.setSeq(m, next);
  }

  /** Best relocation of seq[i, e) of machine m1 (a single job or a same-family block). */
  relocate(m1: number, i: number, e: number, targets: ArrayLike<number>, allPositions: boolean): boolean {
    const { state } = this;
    const { model, lines } = state;
    const L1 = lines[m1]!;
    const block = L1.seq.slice(i, e);
    const count = e - i;
    const head = block[0]!;
    const single = count === 1;
    const M = model.machines.length;
    const f = model.fam[head]!;
    const dRem = L1.evaluate(i, e, EMPTY, 0);
    const bal1 = state.square(L1.outLast) - state.square(L1.last);
    let bestCost = 0;
    let bestBal = 0;
    let bestM = -1;
    let bestQ = -1;
    const blockBuf = single ? this.one : Int32Array.from(block);
    if (single) this.one[0] = head;
    for (let t = 0; t < targets.length; t++) {
      const m2 = targets[t]!;
      const L2 = lines[m2]!;
      if (m2 === m1) continue;
      if (!single && block.some((x) => !model.allowed[x * M + m2])) continue;
      const oldSq = state.square(L2.last);
      const len = L2.seq.length;
      for (let q = L2.lockedLen; q <= len; q++) {
        // Blocks go next to their own family (or last): that is what they are moved for.
        if (!allPositions && !(q === len || (q > 0 && model.fam[L2.seq[q - 1]!] === f) || model.fam[L2.seq[q]!] === f)) continue;
        const dc = dRem + L2.evaluate(q, q, blockBuf, count, bestCost - dRem + 1e-6);
        if (!(dc <= bestCost + 1e-6)) continue;
        const db = bal1 + state.square(L2.outLast) - oldSq;
        if (better(dc, db, bestCost, bestBal)) {
          bestCost = dc;
          bestBal = db;
          bestM = m2;
          bestQ = q;
        }
      }
    }
    // Within its own machine.
    const rank = single ? model.rank[head]! : -1;
    const len1 = L1.seq.length;
    const oldSq1 = state.square(L1.last);
    let intraQ = -1;
    for (const dir of [-1, 1]) {
      for (let step = 1; step <= INTRA_WINDOW; step++) {
        const q = dir < 0 ? i - step : e + step;
        if (q < L1.lockedLen || q > len1) break;
        // A manual order: this job may not pass another job of the same order.
        const passed = dir < 0 ? L1.seq[q]! : L1.seq[q - 1]!;
        if (rank >= 0 && model.rank[passed]! >= 0) break;
        if (!allPositions && !(q === len1 || (q > 0 && model.fam[L1.seq[q - 1]!] === f) || (q < len1 && model.fam[L1.seq[q]!] === f))) continue;
        const [a, b, c] = this.window(L1, i, e, q);
        const dc = L1.evaluate(a, b, this.scratch, c, bestCost + 1e-6);
        if (!(dc <= bestCost + 1e-6)) continue;
        const db = state.square(L1.outLast) - oldSq1;
        if (better(dc, db, bestCost, bestBal)) {
          bestCost = dc;
          bestBal = db;
          bestM = m1;
          intraQ = q;
        }
      }
    }
    if (bestM < 0) return false;
    if (bestM === m1) {
      const [a, b, c] = this.window(L1, i, e, intraQ);
      this.applyWindow(m1, a, b, c);
      return true;
    }
    const rest = L1.seq.slice(0, i).concat(L1.seq.slice(e));
    state.setSeq(m1, rest);
    const target = lines[bestM]!.seq.slice();
    target.splice(bestQ, 0, ...block);
    state.setSeq(bestM, target);
    return true;
  }

  /** Best relocation of job j anywhere it may run. */
  relocateJob(j: number): boolean {
    const { state } = this;
    const m1 = state.where[j]!;
    if (m1 < 0 || state.model.fixed[j]) return false;
    const i = state.pos[j]!;
    return this.relocate(m1, i, i + 1, state.model.eligible[j]!, true);
  }

  /** If j heads a run of same-family jobs, moves the whole run next to its family elsewhere. */
  relocateBlock(j: number): boolean {
    const { state } = this;
    const { model } = state;
    const m1 = state.where[j]!;
    if (m1 < 0) return false;
    const line = state.lines[m1]!;
    const i = state.pos[j]!;
    const f = model.fam[j]!;
    if (i > 0 && model.fam[line.seq[i - 1]!] === f) return false;
    let e = i;
    while (e < line.seq.length && model.fam[line.seq[e]!] === f && !model.fixed[line.seq[e]!] && model.rank[line.seq[e]!]! < 0) e += 1;
    if (e - i < 2) return false;
    return this.relocate(m1, i, e, model.eligible[j]!, false);
  }

  /** Exchanges j with a job of another machine that starts about when j does. */
  swapJob(j: number): boolean {
    const { state } = this;
    const { model, lines } = state;
    const m1 = state.where[j]!;
    if (m1 < 0 || model.fixed[j] || model.rank[j]! >= 0) return false;
    const M = model.machines.length;
    const L1 = lines[m1]!;
    const i = state.pos[j]!;
    const at = L1.start[i]!;
    const oldSq1 = state.square(L1.last);
    let bestCost = 0;
    let bestBal = 0;
    let bestM = -1;
    let bestQ = -1;
    const mine = new Int32Array(1);
    const theirs = new Int32Array(1);
    mine[0] = j;
    for (const m2 of model.eligible[j]!) {
      if (m2 === m1) continue;
      const L2 = lines[m2]!;
      const len = L2.seq.length;
      let lo = L2.lockedLen;
      let hi = len;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (L2.start[mid]! < at) lo = mid + 1;
        else hi = mid;
      }
      const oldSq2 = state.square(L2.last);
      for (let q = Math.max(L2.lockedLen, lo - SWAP_REACH); q < Math.min(len, lo + SWAP_REACH); q++) {
        const k = L2.seq[q]!;
        if (model.fixed[k] || !model.allowed[k * M + m1]) continue;
        theirs[0] = k;
        const d1 = L1.evaluate(i, i + 1, theirs, 1);
        if (d1 === Infinity) continue;
        const last1 = L1.outLast;
        const dc = d1 + L2.evaluate(q, q + 1, mine, 1, bestCost - d1 + 1e-6);
        if (!(dc <= bestCost + 1e-6)) continue;
        const db = state.square(last1) - oldSq1 + state.square(L2.outLast) - oldSq2;
        if (better(dc, db, bestCost, bestBal)) {
          bestCost = dc;
          bestBal = db;
          bestM = m2;
          bestQ = q;
        }
      }
    }
    if (bestM < 0) return false;
    const k = lines[bestM]!.seq[bestQ]!;
    const s1 = L1.seq.slice();
    s1[i] = k;
    const s2 = lines[bestM]!.seq.slice();
    s2[bestQ] = j;
    state.setSeq(m1, s1);
    state.setSeq(bestM, s2);
    return true;
  }

  /** Puts an unplaced job where it raises the objective least; false when no machine can fit it. */
  insertBest(j: number): boolean {
    const { state } = this;
    const { model, lines } = state;
    let bestCost = Infinity;
    let bestBal = Infinity;
    let bestM = -1;
    let bestQ = -1;
    this.one[0] = j;
    const rank = model.rank[j]!;
    for (const m of model.eligible[j]!) {
      const line = lines[m]!;
      const oldSq = state.square(line.last);
      const len = line.seq.length;
      let from = line.lockedLen;
      let to = len;
      if (rank >= 0) {
        // Between the jobs of its manual order that come before and after it.
        for (let k = 0; k < len; k++) {
          const other = model.rank[line.seq[k]!]!;
          if (other >= 0 && other < rank) from = Math.max(from, k + 1);
          if (other > rank && to === len) to = k;
        }
      }
      for (let q = from; q <= to; q++) {
        const dc = line.evaluate(q, q, this.one, 1, bestCost + 1e-6);
        if (!(dc <= bestCost + 1e-6)) continue;
        const db = state.square(line.outLast) - oldSq;
        if (bestM < 0 || better(dc, db, bestCost, bestBal)) {
          bestCost = dc;
          bestBal = db;
          bestM = m;
          bestQ = q;
        }
      }
    }
    if (bestM < 0 || bestCost === Infinity) return false;
    state.insert(j, bestM, bestQ);
    return true;
  }
}
