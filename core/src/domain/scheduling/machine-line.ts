import { advance, fitWhole, snap, type Calendar } from './calendar.ts';
import type { Model } from './compile-problem.ts';

const tard = (end: number, due: number): number => (end > due ? end - due : 0);

/**
 * One machine's queue with its timeline and the aggregates that make a move's cost
 * change cheap to evaluate. A move replaces positions [a, b) by other jobs; what follows
 * is then only shifted in time. On an always-working machine the shift is constant until
 * a job whose release time can bind, so within such a segment the change in weighted
 * tardiness is shift × (weight of the late jobs) as long as the shift crosses no job's
 * due date: precomputed suffix minima of slack and lateness tell when that holds, and
 * only the jobs whose due date it crosses are visited one by one. A machine with a
 * calendar is walked job by job, stopping where the old and new timelines meet again.
 */
export class MachineLine {
  seq: number[] = [];
  private cap = 0;
  start = new Float64Array(0);
  end = new Float64Array(0);
  /** Setup minutes before position k. */
  setupAt = new Float64Array(0);
  /** When position k could start but for its release (after its setup). */
  readyAt = new Float64Array(0);
  /** Cost (setup + weighted tardiness) of positions 0..k. */
  cum = new Float64Array(0);
  private nextBind = new Int32Array(0);
  private minSlack = new Float64Array(0);
  private minLate = new Float64Array(0);
  private wGE = new Float64Array(0);
  private wGT = new Float64Array(0);
  cost = 0;
  /** End of the last job (ready0 when the queue is empty). */
  last: number;
  /** Result of the last evaluate(): the machine's new last end. */
  outLast = 0;
  readonly cal: Calendar | null;
  readonly ready0: number;
  readonly fam0: number;
  /** Leading jobs of the operator lock (they never move and nothing goes before them). */
  lockedLen = 0;
  private readonly F: number;

  constructor(
    private readonly model: Model,
    readonly m: number,
  ) {
    const machine = model.machines[m]!;
    this.cal = machine.calendar;
    this.ready0 = machine.ready0;
    this.fam0 = machine.fam0;
    this.last = this.ready0;
    this.F = model.families.length;
  }

  private grow(size: number): void {
    if (size <= this.cap) return;
    const cap = Math.max(16, size, this.cap * 2);
    const f64 = (old: Float64Array) => {
      const next = new Float64Array(cap);
      next.set(old);
      return next;
    };
    this.start = f64(this.start);
    this.end = f64(this.end);
    this.setupAt = f64(this.setupAt);
    this.readyAt = f64(this.readyAt);
    this.cum = f64(this.cum);
    this.minSlack = f64(this.minSlack);
    this.minLate = f64(this.minLate);
    this.wGE = f64(this.wGE);
    this.wGT = f64(this.wGT);
    const next = new Int32Array(cap);
    next.set(this.nextBind);
    this.nextBind = next;
    this.cap = cap;
  }

  setupBetween(prevFam: number, j: number): number {
    return prevFam < 0 ? 0 : this.model.setup[prevFam * this.F + this.model.fam[j]!]!;
  }

  /** End of job j appended after a machine free at t whose last job's family is f. */
  endAfter(t: number, f: number, j: number): number {
    return this.placeEnd(this.placeStart(t, this.setupBetween(f, j), j), j);
  }

  /** Start of job j appended after a machine free at t whose last job's family is f. */
  startAfter(t: number, f: number, j: number): number {
    return this.placeStart(t, this.setupBetween(f, j), j);
  }

  /** Family of the job before position k (the running job's for k = 0). */
  familyBefore(k: number): number {
    return k > 0 ? this.model.fam[this.seq[k - 1]!]! : this.fam0;
  }

  /** Start of job j after a machine free at t with s minutes of setup to do. */
  private placeStart(t: number, s: number, j: number): number {
    const { r, p, splittable } = this.model;
    if (this.cal === null) return Math.max(t + s, r[j]!);
    const afterSetup = Math.max(advance(this.cal, t, s), r[j]!);
    return splittable[j] ? snap(this.cal, afterSetup) : fitWhole(this.cal, afterSetup, p[j]!);
  }

  private placeEnd(st: number, j: number): number {
    const p = this.model.p[j]!;
    if (this.cal === null || !this.model.splittable[j]) return st + p;
    return st === Infinity ? Infinity : advance(this.cal, st, p);
  }

  /** Rebuilds the timeline and aggregates; records each job's machine and position. */
  recompute(where: Int32Array, pos: Int32Array): void {
    const { w, d, r, fam } = this.model;
    const len = this.seq.length;
    this.grow(len);
    let t = this.ready0;
    let f = this.fam0;
    let cost = 0;
    for (let k = 0; k < len; k++) {
      const j = this.seq[k]!;
      const s = this.setupBetween(f, j);
      const st = this.placeStart(t, s, j);
      const en = this.placeEnd(st, j);
      this.setupAt[k] = s;
      this.readyAt[k] = t + s;
      this.start[k] = st;
      this.end[k] = en;
      cost += en === Infinity ? Infinity : s + w[j]! * tard(en, d[j]!);
      this.cum[k] = cost;
      where[j] = this.m;
      pos[j] = k;
      t = en;
      f = fam[j]!;
    }
    let locked = 0;
    while (locked < len && this.model.fixed[this.seq[locked]!]) locked += 1;
    this.lockedLen = locked;
    this.cost = cost;
    this.last = len > 0 ? this.end[len - 1]! : this.ready0;
    if (this.cal !== null) return;
    let slack = Infinity;
    let late = Infinity;
    let ge = 0;
    let gt = 0;
    let next = len;
    for (let k = len - 1; k >= 0; k--) {
      const j = this.seq[k]!;
      if (r[j]! > this.ready0) {
        // Its release may bind: visited one by one, and it closes the segment before it.
        this.nextBind[k] = k;
        next = k;
        slack = Infinity;
        late = Infinity;
        ge = 0;
        gt = 0;
        continue;
      }
      const e = this.end[k]!;
      const due = d[j]!;
      if (e < due) slack = Math.min(slack, due - e);
      if (e > due) late = Math.min(late, e - due);
      if (e >= due) ge += w[j]!;
      if (e > due) gt += w[j]!;
      this.nextBind[k] = next;
      this.minSlack[k] = slack;
      this.minLate[k] = late;
      this.wGE[k] = ge;
      this.wGT[k] = gt;
    }
  }

  /**
   * Change in this machine's cost if positions [a, b) were replaced by `jobs[0..count)`;
   * sets outLast. Infinity when a job would not fit the calendar, or as soon as the
   * change is sure to exceed `bound` (the rest only delays jobs, which never pays back).
   */
  evaluate(a: number, b: number, jobs: ArrayLike<number>, count: number, bound = Infinity): number {
    const { w, d, fam } = this.model;
    const len = this.seq.length;
    let t = a > 0 ? this.end[a - 1]! : this.ready0;
    let f = a > 0 ? fam[this.seq[a - 1]!]! : this.fam0;
    let dc = 0;
    for (let i = 0; i < count; i++) {
      const x = jobs[i]!;
      const s = this.setupBetween(f, x);
      const en = this.placeEnd(this.placeStart(t, s, x), x);
      if (en === Infinity) return Infinity;
      dc += s + w[x]! * tard(en, d[x]!);
      t = en;
      f = fam[x]!;
    }
    dc -= (b > 0 ? this.cum[b - 1]! : 0) - (a > 0 ? this.cum[a - 1]! : 0);
    if (b >= len) {
      this.outLast = t;
      return dc;
    }
    if (this.cal !== null) return this.walkCalendar(b, t, f, dc, bound);
    const y = this.seq[b]!;
    const s = this.setupBetween(f, y);
    const en = this.placeStart(t, s, y) + this.model.p[y]!;
    const old = this.end[b]!;
    const due = d[y]!;
    dc += s - this.setupAt[b]! + w[y]! * (tard(en, due) - tard(old, due));
    return dc + this.shiftFrom(b + 1, en - old, bound - dc);
  }

  private walkCalendar(b: number, t0: number, f0: number, dc0: number, bound: number): number {
    const { w, d, fam } = this.model;
    const len = this.seq.length;
    let t = t0;
    let f = f0;
    let dc = dc0;
    for (let k = b; k < len; k++) {
      // Same machine state as before at this point: the rest is unchanged.
      if (k > b && t === this.end[k - 1]) {
        this.outLast = this.last;
        return dc;
      }
      const y = this.seq[k]!;
      const s = this.setupBetween(f, y);
      const en = this.placeEnd(this.placeStart(t, s, y), y);
      if (en === Infinity) return Infinity;
      dc += s - this.setupAt[k]! + w[y]! * (tard(en, d[y]!) - tard(this.end[k]!, d[y]!));
      // From here on every job ends no earlier than before: the cost can only grow.
      if (dc > bound && en >= this.end[k]!) return Infinity;
      t = en;
      f = fam[y]!;
    }
    this.outLast = t;
    return dc;
  }

  /** Cost change when everything from position k on moves by `shift` (always-working machine). */
  private shiftFrom(k0: number, shift: number, bound: number): number {
    const { w, d, r } = this.model;
    const len = this.seq.length;
    let k = k0;
    let delta = shift;
    let dc = 0;
    while (k < len && delta !== 0) {
      // Delayed jobs only add cost: past the bound the answer no longer matters.
      if (delta > 0 && dc > bound) return Infinity;
      const j = this.seq[k]!;
      const e = this.end[k]!;
      if (this.nextBind[k] === k) {
        const moved = Math.max(this.readyAt[k]! + delta, r[j]!) - this.start[k]!;
        dc += w[j]! * (tard(e + moved, d[j]!) - tard(e, d[j]!));
        delta = moved;
        k += 1;
      } else if (delta > 0 ? delta <= this.minSlack[k]! : -delta <= this.minLate[k]!) {
        dc += delta * (delta > 0 ? this.wGE[k]! : this.wGT[k]!);
        k = this.nextBind[k]!;
      } else {
        dc += w[j]! * (tard(e + delta, d[j]!) - tard(e, d[j]!));
        k += 1;
      }
    }
    this.outLast = this.last + delta;
    return dc;
  }
}
