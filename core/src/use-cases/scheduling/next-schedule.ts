import { eventsBetween, reschedule, solveSchedule, type Schedule, type SchedulingProblem } from '../../domain/index.ts';

/** Local-search steps of a full solve, before the time budget: small shops get the same plan every time. */
const stepsFor = (jobs: number) => 20 * jobs + 500;

/**
 * The new plan: a chain of incremental repairs when what changed since the last plan is
 * a list of events the scheduler knows (machine down/up, job added, started, finished,
 * removed, due date changed), else a full solve within `budgetMs`. The caller owns the clock.
 */
export function nextSchedule(input: {
  problem: SchedulingProblem;
  previous: { problem: SchedulingProblem; schedule: Schedule } | null;
  budgetMs: number;
  nowMs: () => number;
}): { schedule: Schedule; method: string } {
  const { problem, previous } = input;
  const events = previous ? eventsBetween(previous.problem, problem) : null;
  let fallback = 'solve';
  if (previous && events && events.length > 0) {
    try {
      let current = previous;
      for (const event of events) {
        const step = reschedule({ problem: current.problem, previous: current.schedule, event, now: problem.now });
        current = { problem: step.problem, schedule: step.schedule };
      }
      return { schedule: current.schedule, method: `reschedule:${events.map((event) => event.type).join(',')}` };
    } catch (error) {
      // A stored plan the repair cannot read (e.g. written by an older version) must not
      // block the shop's planning for good: solve from scratch, and say so in the method.
      fallback = `solve:repair-failed:${error instanceof Error ? error.message.slice(0, 200) : 'unknown'}`;
    }
  }
  const deadline = input.nowMs() + input.budgetMs;
  const schedule = solveSchedule(problem, { seed: 1, maxSteps: stepsFor(problem.jobs.length), shouldStop: () => input.nowMs() >= deadline });
  return { schedule, method: fallback };
}
