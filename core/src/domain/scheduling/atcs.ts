import type { Model } from './compile-problem.ts';
import { MachineLine } from './machine-line.ts';

/**
 * ATCS (Apparent Tardiness Cost with Setups, Lee, Bhaskaran and Pinedo 1997): whenever a
 * machine falls free, it takes the released job with the highest
 *   (w/p) · exp(−max(d − p − t, 0) / (k1 · p̄)) · exp(−s / (k2 · s̄)),
 * so urgent, short, heavy jobs go first and changeovers are avoided unless urgency pays
 * for them. Computed as a logarithm so distant due dates cannot underflow to ties.
 */
export interface AtcsParams {
  k1: number;
  k2: number;
}

const NO_DUE_SLACK = 1e12;

export interface Construction {
  /** Job indices per machine, in order (locked prefixes included). */
  seqs: number[][];
  /** Jobs no machine's calendar could fit. */
  unplaced: number[];
}

export function averageTimes(model: Model): { pBar: number; sBar: number } {
  let sumP = 0;
  for (let j = 0; j < model.n; j++) sumP += model.p[j]!;
  const pBar = model.n > 0 ? Math.max(sumP / model.n, 1e-9) : 1;
  const F = model.families.length;
  const count = new Float64Array(F);
  for (let j = 0; j < model.n; j++) count[model.fam[j]!]! += 1;
  const present = [...count.keys()].filter((f) => count[f]! > 0).slice(0, 300);
  let sum = 0;
  let pairs = 0;
  for (const f of present) {
    for (const g of present) {
      if (f === g) continue;
      const weight = count[f]! * count[g]!;
      sum += weight * model.setup[f * F + g]!;
      pairs += weight;
    }
  }
  return { pBar, sBar: pairs > 0 ? sum / pairs : 0 };
}

/** k1 from the due-date range, k2 from the tardiness factor and setup severity. */
export function defaultAtcsParams(model: Model): AtcsParams {
  const { pBar, sBar } = averageTimes(model);
  const up = Math.max(1, model.machines.filter((m) => m.up).length);
  const horizon = Math.max(1e-9, (model.n * (pBar + sBar)) / up);
  let dMin = Infinity;
  let dMax = -Infinity;
  let dSum = 0;
  let dCount = 0;
  for (let j = 0; j < model.n; j++) {
    const due = model.d[j]!;
    if (due === Infinity) continue;
    dMin = Math.min(dMin, due - model.now);
    dMax = Math.max(dMax, due - model.now);
    dSum += due - model.now;
    dCount += 1;
  }
  if (dCount === 0) return { k1: 2, k2: 1 };
  const range = (dMax - dMin) / horizon;
  const tightness = Math.min(1, Math.max(0, 1 - dSum / dCount / horizon));
  const severity = sBar / pBar;
  const k1 = range <= 0.5 ? 4.5 + range : 6 - 2 * range;
  const k2 = severity > 0 ? tightness / (2 * Math.sqrt(severity)) : 1;
  return { k1: Math.min(10, Math.max(0.2, k1)), k2: Math.min(10, Math.max(0.05, k2)) };
}

export function constructAtcs(model: Model, params: AtcsParams, lines?: MachineLine[]): Construction {
  const { n, p, r, d, w, fam, eligible, fixed, rank } = model;
  const M = model.machines.length;
  const { pBar, sBar } = averageTimes(model);
  const urgencyScale = 1 / (Math.max(1e-9, params.k1) * pBar);
  const setupScale = sBar > 0 ? 1 / (Math.max(1e-9, params.k2) * sBar) : 0;
  const logWp = new Float64Array(n);
  for (let j = 0; j < n; j++) logWp[j] = Math.log(Math.max(w[j]!, 1e-12) / Math.max(p[j]!, 1e-9));

  const line = lines ?? model.machines.map((_, m) => new MachineLine(model, m));
  const seqs: number[][] = model.machines.map((machine) => [...machine.locked]);
  const t = new Float64Array(M);
  const f = new Int32Array(M);
  const nextRank = new Int32Array(M);
  const placed = new Uint8Array(n);
  const cands: number[][] = model.machines.map(() => []);
  for (let m = 0; m < M; m++) {
    t[m] = model.machines[m]!.ready0;
    f[m] = model.machines[m]!.fam0;
    for (const j of seqs[m]!) {
      placed[j] = 1;
      t[m] = line[m]!.endAfter(t[m]!, f[m]!, j);
      f[m] = fam[j]!;
    }
  }
  for (let j = 0; j < n; j++) if (!fixed[j]) for (const m of eligible[j]!) cands[m]!.push(j);
  const active = new Uint8Array(M);
  for (let m = 0; m < M; m++) active[m] = model.machines[m]!.up && cands[m]!.length > 0 && t[m]! < Infinity ? 1 : 0;

  for (;;) {
    let m = -1;
    for (let k = 0; k < M; k++) if (active[k] && (m < 0 || t[k]! < t[m]!)) m = k;
    if (m < 0) break;
    const list = cands[m]!;
    let now = t[m]!;
    let best = -1;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      let bestScore = -Infinity;
      let nextRelease = Infinity;
      for (let i = 0; i < list.length; i++) {
        const j = list[i]!;
        if (placed[j]) {
          list[i] = list[list.length - 1]!;
          list.pop();
          i -= 1;
          continue;
        }
        if (rank[j]! >= 0 && rank[j] !== nextRank[m]) continue;
        if (r[j]! > now) {
          nextRelease = Math.min(nextRelease, r[j]!);
          continue;
        }
        const s = f[m]! < 0 ? 0 : model.setup[f[m]! * model.families.length + fam[j]!]!;
        const score = logWp[j]! - Math.min(Math.max(d[j]! - p[j]! - now, 0), NO_DUE_SLACK) * urgencyScale - s * setupScale;
        if (score > bestScore || best < 0) {
          bestScore = score;
          best = j;
        }
      }
      // Nothing released yet: look again from the next release.
      if (best < 0) now = nextRelease;
      if (now === Infinity) break;
    }
    if (best < 0) {
      active[m] = 0;
      continue;
    }
    const end = line[m]!.endAfter(t[m]!, f[m]!, best);
    if (end === Infinity) {
      // Not within this machine's calendar; another machine may still take it.
      const at = list.indexOf(best);
      list[at] = list[list.length - 1]!;
      list.pop();
      // A manual order that cannot continue here blocks the rest of it.
      if (rank[best]! >= 0) nextRank[m] = -2;
      continue;
    }
    placed[best] = 1;
    seqs[m]!.push(best);
    if (rank[best]! >= 0) nextRank[m] = nextRank[m]! + 1;
    t[m] = end;
    f[m] = fam[best]!;
  }
  const unplaced: number[] = [];
  for (let j = 0; j < n; j++) if (!placed[j]) unplaced.push(j);
  return { seqs, unplaced };
}
