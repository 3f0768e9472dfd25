import type { Model } from './compile-problem.ts';
import { MachineLine } from './machine-line.ts';

/**
 * The solution the local search works on: one line per machine plus each job's machine
 * and position, the running totals, and a transaction (snapshot of the lines a move
 * touched) so a rejected perturbation is undone exactly.
 */
export class SearchState {
  readonly lines: MachineLine[];
  readonly where: Int32Array;
  readonly pos: Int32Array;
  cost = 0;
  balance = 0;
  private snapshot: Map<number, number[]> | null = null;

  constructor(
    readonly model: Model,
    seqs: number[][],
  ) {
    this.where = new Int32Array(model.n).fill(-1);
    this.pos = new Int32Array(model.n).fill(-1);
    this.lines = model.machines.map((_, m) => new MachineLine(model, m));
    this.lines.forEach((line, m) => {
      line.seq = [...(seqs[m] ?? [])];
      line.recompute(this.where, this.pos);
    });
    this.retotal();
  }

  /** (last end − now)²: summed over machines it is the load-balance tie-breaker. */
  square(last: number): number {
    const x = last - this.model.now;
    return x * x;
  }

  retotal(): void {
    this.cost = 0;
    this.balance = 0;
    for (const line of this.lines) {
      this.cost += line.cost;
      this.balance += this.square(line.last);
    }
  }

  setSeq(m: number, seq: number[]): void {
    const line = this.lines[m]!;
    if (this.snapshot && !this.snapshot.has(m)) this.snapshot.set(m, line.seq);
    this.cost -= line.cost;
    this.balance -= this.square(line.last);
    line.seq = seq;
    line.recompute(this.where, this.pos);
    this.cost += line.cost;
    this.balance += this.square(line.last);
  }

  /** Takes job j off its machine (it stays unplaced until inserted again). */
  remove(j: number): void {
    const m = this.where[j]!;
    const seq = this.lines[m]!.seq;
    const next = seq.slice();
    next.splice(this.pos[j]!, 1);
    this.where[j] = -1;
    this.pos[j] = -1;
    this.setSeq(m, next);
  }

  insert(j: number, m: number, q: number): void {
    const next = this.lines[m]!.seq.slice();
    next.splice(q, 0, j);
    this.setSeq(m, next);
  }

  begin(): void {
    this.snapshot = new Map();
  }

  commit(): void {
    this.snapshot = null;
  }

  rollback(): void {
    const snapshot = this.snapshot;
    this.snapshot = null;
    if (!snapshot) return;
    for (const [m, seq] of snapshot) {
      const line = this.lines[m]!;
      line.seq = seq;
      line.recompute(this.where, this.pos);
    }
    this.retotal();
  }

  /**
   * Takes off, one at a time, each job its machine's calendar cannot fit where it stands
   * (a seeded or locked queue after time moved on); returns them for reinsertion.
   */
  dropUnfit(): number[] {
    const dropped: number[] = [];
    this.lines.forEach((line, m) => {
      while (line.cost === Infinity) {
        let k = 0;
        while (line.end[k]! !== Infinity) k += 1;
        const j = line.seq[k]!;
        dropped.push(j);
        this.where[j] = -1;
        this.pos[j] = -1;
        this.setSeq(m, line.seq.filter((_, i) => i !== k));
      }
    });
    this.retotal();
    return dropped;
  }

  seqs(): number[][] {
    return this.lines.map((line) => line.seq.slice());
  }
}

/** Below this, cost and balance differences are rounding noise. */
export const EPS = 1e-6;

/** Lexicographic: cost first, then balance. */
export function better(dCost: number, dBalance: number, bestCost: number, bestBalance: number): boolean {
  return dCost < bestCost - EPS || (dCost <= bestCost + EPS && dBalance < bestBalance - EPS);
}
