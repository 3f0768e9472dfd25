import { buildSchedule } from './build-schedule.ts';
import { compileProblem } from './compile-problem.ts';
import { Moves } from './moves.ts';
import type { Schedule, SchedulingProblem } from './scheduling-types.ts';
import { SearchState } from './search-state.ts';
import { seedFromSchedule } from './seed-from-schedule.ts';

/**
 * True when the clock is more than `slack` past a point the plan still promises: a waiting
 * job's start, or a running job's end (same units as the schedule's times).
 */
export function planOvertaken(schedule: Schedule, now: number, slack: number): boolean {
  return schedule.jobs.some((job) => (job.running ? job.end : job.start) + slack < now);
}

/**
 * The same queues, timed again from the problem's now: what the clock alone calls for (a
 * job ran long, a shift ended with work left). No job changes machine or place in its
 * queue, so no customer's ETA moves except by the time that really passed; only a job its
 * machine can no longer take is placed again where it costs least.
 */
export function retimeSchedule(problem: SchedulingProblem, previous: Schedule): Schedule {
  const model = compileProblem(problem);
  const { seqs, leftover } = seedFromSchedule(model, previous);
  const state = new SearchState(model, seqs);
  const moves = new Moves(state);
  leftover.push(...state.dropUnfit());
  const unplaced = leftover.filter((j) => model.fixed[j] || !moves.insertBest(j));
  return buildSchedule(model, state, unplaced);
}
