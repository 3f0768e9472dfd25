import { constructAtcs, defaultAtcsParams } from './atcs.ts';
import { buildSchedule } from './build-schedule.ts';
import { compileProblem, type Model } from './compile-problem.ts';
import { improveSchedule, type Budget } from './improve.ts';
import { Moves } from './moves.ts';
import { createRng } from './prng.ts';
import type { Schedule, SchedulingProblem, SolveOptions } from './scheduling-types.ts';
import { SearchState } from './search-state.ts';

/** Steps when the caller gives neither a step budget nor a stop callback: bounded, deterministic. */
export const defaultSteps = (n: number): number => 3 * n + 200;

export function stepBudget(options: SolveOptions, n: number): Budget & { steps: number } {
  const limit = options.maxSteps ?? (options.shouldStop ? Infinity : defaultSteps(n));
  const budget = {
    steps: 0,
    stop(): boolean {
      budget.steps += 1;
      return budget.steps > limit || (options.shouldStop?.() ?? false);
    },
  };
  return budget;
}

/**
 * Plans every open job: hard constraints (capability, pins, locks, calendars, releases,
 * one job at a time per machine) always hold; within them it minimises weighted
 * tardiness plus setup minutes, then balances machine load. Constructs with ATCS and
 * improves by local search while the budget lasts.
 */
export function solveSchedule(problem: SchedulingProblem, options: SolveOptions = {}): Schedule {
  const model = compileProblem(problem);
  const { state, unplaced } = solveModel(model, options);
  return buildSchedule(model, state, unplaced);
}

export function solveModel(model: Model, options: SolveOptions): { state: SearchState; unplaced: number[] } {
  const construction = constructAtcs(model, options.atcs ?? defaultAtcsParams(model));
  const state = new SearchState(model, construction.seqs);
  const moves = new Moves(state);
  // A locked job the calendar cannot fit leaves the lock; it is unscheduled with its reason.
  for (const j of state.dropUnfit()) if (model.fixed[j] || !moves.insertBest(j)) construction.unplaced.push(j);
  if (options.improve !== false) {
    improveSchedule(state, moves, createRng(options.seed ?? 1), stepBudget(options, model.n));
  }
  return { state, unplaced: construction.unplaced };
}
