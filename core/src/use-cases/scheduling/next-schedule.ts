import { eventsBetween, planOvertaken, reschedule, retimeSchedule, solveSchedule, type Schedule, type SchedulingProblem } from '../../domain/index.ts';

/** Local-search steps of a full solve, before the time budget: small shops get the same plan every time. */
const stepsFor = (jobs: number) => 20 * jobs + 500;

/**
 * Minutes a plan may lag the clock before it is timed again: a job started a few minutes
 * late moves no ETA, one that waits longer moves what follows it.
 */
export const OVERTAKEN_SLACK_MINUTES = 15;

/**
 * The new plan: a chain of incremental repairs when what changed since the last plan is
 * a list of events the scheduler knows (machine down/up, job added, started, finished,
 * removed, due date changed), the last plan as it is when nothing changed (timed again
 * from now once the clock has passed it), else a full
 * solve within `budgetMs`. The caller owns the clock.
 */
export function nextSchedule(input: {
  problem: SchedulingProblem;
  previous: { problem: SchedulingProblem; schedule: Schedule } | null;
  budgetMs: number;
  nowMs: () => number;
}): { schedule: Schedule; method: string } {
  const { problem, previous } = input;
  const events = previous ? eventsBetween(previous.problem, problem) : null;
  if (previous && events && events.length === 0) {
    // Nothing changed but the clock (a repeated trigger, the re-plan tick). While the plan
    // still lies ahead of the clock it stands: a fresh solve would only shuffle ETAs. Once
    // the clock is well past a planned start, the same queues are timed again from now.
    if (!planOvertaken(previous.schedule, problem.now, OVERTAKEN_SLACK_MINUTES)) return { schedule: previous.schedule, method: 'unchanged' };
    return { schedule: retimeSchedule(problem, previous.schedule), method: 'retime' };
  }
  let fallback = 'solve';
  const deadline = input.nowMs() + input.budgetMs;
  const shouldStop = () => input.nowMs() >= deadline;
  if (previous && events && events.length > 0) {
    try {
      let current = previous;
      for (const event of events) {
        // Every job is placed before the budget is looked at: a stop only ends the improving.
        const step = reschedule({ problem: current.problem, previous: current.schedule, event, now: problem.now, options: { seed: 1, shouldStop } });
        current = { problem: step.problem, schedule: step.schedule };
      }
      return { schedule: current.schedule, method: `reschedule:${events.map((event) => event.type).join(',')}` };
    } catch (error) {
      // A stored plan the repair cannot read (e.g. written by an older version) must not
      // block the shop's planning for good: solve from scratch, and say so in the method.
      fallback = `solve:repair-failed:${error instanceof Error ? error.message.slice(0, 200) : 'unknown'}`;
    }
  }
  const schedule = solveSchedule(problem, { seed: 1, maxSteps: stepsFor(problem.jobs.length), shouldStop });
  return { schedule, method: fallback };
}
