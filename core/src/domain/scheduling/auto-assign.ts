import { compileProblem } from './compile-problem.ts';
import type { Schedule, SchedulingJob, SchedulingProblem, UnscheduledReason } from './scheduling-types.ts';
import { SearchState } from './search-state.ts';
import { seedFromSchedule } from './seed-from-schedule.ts';

export type AutoAssignment =
  | { ok: true; machineId: string; start: number; end: number }
  | { ok: false; reason: UnscheduledReason; detail: string };

/**
 * For a job entering the scheduled stage: the compatible machine that finishes it
 * soonest when it joins the end of that machine's current queue (its setup from the
 * queue's last job included). Ties go to the machine listed first.
 */
export function autoAssign(input: { problem: SchedulingProblem; schedule: Schedule; job: SchedulingJob }): AutoAssignment {
  const problem = { ...input.problem, jobs: [...input.problem.jobs.filter((job) => job.id !== input.job.id), input.job] };
  const model = compileProblem(problem);
  const j = model.index.get(input.job.id);
  if (j === undefined) {
    const found = model.unscheduled.find((u) => u.jobId === input.job.id);
    return { ok: false, reason: found?.reason ?? 'invalid-job', detail: found?.detail ?? 'the job cannot be scheduled' };
  }
  const { seqs } = seedFromSchedule(model, input.schedule);
  const state = new SearchState(model, seqs);
  state.dropUnfit();
  let best: { m: number; start: number; end: number } | null = null;
  for (const m of model.eligible[j]!) {
    const line = state.lines[m]!;
    const f = line.familyBefore(line.seq.length);
    const end = line.endAfter(line.last, f, j);
    if (end !== Infinity && (!best || end < best.end)) best = { m, start: line.startAfter(line.last, f, j), end };
  }
  if (!best) return { ok: false, reason: 'no-working-time', detail: 'no compatible machine has working time left for it' };
  return { ok: true, machineId: model.machines[best.m]!.id, start: best.start, end: best.end };
}
