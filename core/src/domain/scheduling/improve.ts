import type { Moves } from './moves.ts';
import { shuffle, type Rng } from './prng.ts';
import { EPS, type SearchState } from './search-state.ts';

export interface Budget {
  /** True once the caller's time or step budget is spent. */
  stop(): boolean;
}

/** One pass over `jobs`, each trying relocation, swap and its family block; true when anything improved. */
export function descentPass(moves: Moves, jobs: number[], budget: Budget): boolean {
  let improved = false;
  for (const j of jobs) {
    if (budget.stop()) break;
    if (moves.relocateJob(j)) improved = true;
    else if (moves.swapJob(j)) improved = true;
    if (moves.relocateBlock(j)) improved = true;
  }
  return improved;
}

/**
 * Descent to a local optimum, then ruin and recreate (Schrimpf et al. 2000; strings of
 * jobs around one instant on a few machines, like SISR): remove them, put each back
 * where it costs least, polish the removed jobs by relocation, keep the result unless
 * it is worse (equal is kept: it lets the search drift across plateaus). Runs until the
 * budget says stop.
 */
export function improveSchedule(state: SearchState, moves: Moves, rng: Rng, budget: Budget): void {
  const { model } = state;
  const movable: number[] = [];
  for (let j = 0; j < model.n; j++) if (!model.fixed[j] && state.where[j]! >= 0) movable.push(j);
  if (movable.length === 0) return;
  shuffle(movable, rng);
  while (!budget.stop() && descentPass(moves, movable, budget)) shuffle(movable, rng);

  const free = movable.filter((j) => model.rank[j]! < 0);
  if (free.length === 0) return;
  let sincePass = 0;
  while (!budget.stop()) {
    ruinAndRecreate(state, moves, rng, free);
    sincePass += 1;
    // Perturbations change the landscape: now and then a full descent pass again.
    if (sincePass >= Math.max(50, free.length / 4)) {
      sincePass = 0;
      shuffle(movable, rng);
      descentPass(moves, movable, budget);
    }
  }
}

export function ruinAndRecreate(state: SearchState, moves: Moves, rng: Rng, free: number[]): boolean {
  const { model, lines } = state;
  const seed = free[rng.int(free.length)]!;
  const m0 = state.where[seed]!;
  if (m0 < 0) return false;
  const at = lines[m0]!.start[state.pos[seed]!]!;
  const machines = [m0];
  const others = Array.from(model.eligible[seed]!).filter((m) => m !== m0);
  shuffle(others, rng);
  machines.push(...others.slice(0, rng.int(3) + 1));

  const before = { cost: state.cost, balance: state.balance };
  state.begin();
  const removed: number[] = [];
  for (const m of machines) {
    const line = lines[m]!;
    const len = line.seq.length;
    if (len === line.lockedLen) continue;
    let q = line.lockedLen;
    while (q < len && line.start[q]! < at) q += 1;
    const length = 1 + rng.int(8);
    const from = Math.max(line.lockedLen, Math.min(len - 1, q - rng.int(length)));
    const keep: number[] = [];
    line.seq.forEach((j, k) => {
      if (k >= from && k < from + length && !model.fixed[j] && model.rank[j]! < 0) {
        removed.push(j);
        state.where[j] = -1;
        state.pos[j] = -1;
      } else keep.push(j);
    });
    state.setSeq(m, keep);
  }
  const order = rng.int(3);
  if (order === 0) removed.sort((a, b) => model.d[a]! - model.d[b]!);
  else if (order === 1) removed.sort((a, b) => model.w[b]! / Math.max(model.p[b]!, 1e-9) - model.w[a]! / Math.max(model.p[a]!, 1e-9));
  else shuffle(removed, rng);
  for (const j of removed) {
    if (!moves.insertBest(j)) {
      state.rollback();
      return false;
    }
  }
  for (const j of removed) moves.relocateJob(j);
  const dCost = state.cost - before.cost;
  if (dCost < -EPS || (dCost <= EPS && state.balance - before.balance <= EPS)) {
    state.commit();
    return true;
  }
  state.rollback();
  return false;
}
