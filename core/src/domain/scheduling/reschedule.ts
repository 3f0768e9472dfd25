import { buildSchedule } from './build-schedule.ts';
import { compileProblem } from './compile-problem.ts';
import { descentPass, ruinAndRecreate } from './improve.ts';
import { Moves } from './moves.ts';
import { createRng, shuffle } from './prng.ts';
import type { Schedule, SchedulingJob, SchedulingProblem, SolveOptions } from './scheduling-types.ts';
import { SearchState } from './search-state.ts';
import { seedFromSchedule } from './seed-from-schedule.ts';
import { stepBudget } from './solve-schedule.ts';

/** Ruin-and-recreate steps after the descent when the caller sets no budget: a repair stays in milliseconds. */
const RUINS = 30;

/** Something that happened on the shop floor or to an order. */
export type ScheduleEvent =
  /** Its queue moves to other machines; a job running on it is interrupted and queued again with its full duration. */
  | { type: 'machine-down'; machineId: string }
  | { type: 'machine-up'; machineId: string }
  /** A job entered the scheduled stage (replaces a job with the same id). */
  | { type: 'job-added'; job: SchedulingJob }
  | { type: 'job-started'; jobId: string; machineId: string; at: number }
  /** Still running past its plan: the machine is busy until expectedEnd. */
  | { type: 'job-overrunning'; jobId: string; expectedEnd: number }
  /** Finished (early or late): the machine is free from `at`. */
  | { type: 'job-finished'; jobId: string; at: number }
  /** Cancelled or put on hold: leaves the schedule. */
  | { type: 'job-removed'; jobId: string }
  | { type: 'due-date-changed'; jobId: string; due: number | null };

export interface EtaChange {
  jobId: string;
  /** Planned end before the event; null when the job was not planned. */
  before: number | null;
  /** Planned end after; null when the job is no longer planned (finished, removed or unplaceable). */
  after: number | null;
}

export interface RescheduleResult {
  /** The problem with the event applied: the input of the next reschedule. */
  problem: SchedulingProblem;
  schedule: Schedule;
  etaChanges: EtaChange[];
}

export function applyEvent(problem: SchedulingProblem, event: ScheduleEvent, now: number): SchedulingProblem {
  const running = problem.running ?? [];
  const without = (jobId: string) => ({
    jobs: problem.jobs.filter((job) => job.id !== jobId),
    running: running.filter((run) => run.jobId !== jobId),
  });
  switch (event.type) {
    case 'machine-down':
    case 'machine-up': {
      const state = event.type === 'machine-down' ? ('down' as const) : ('up' as const);
      return {
        ...problem,
        now,
        machines: problem.machines.map((m) => (m.id === event.machineId ? { ...m, state } : m)),
        running: state === 'down' ? running.filter((run) => run.machineId !== event.machineId) : running,
      };
    }
    case 'job-added':
      return { ...problem, now, jobs: [...problem.jobs.filter((job) => job.id !== event.job.id), event.job] };
    case 'job-started':
      return { ...problem, now, running: [...running.filter((run) => run.jobId !== event.jobId), { jobId: event.jobId, machineId: event.machineId, start: event.at }] };
    case 'job-overrunning':
      return { ...problem, now, running: running.map((run) => (run.jobId === event.jobId ? { ...run, expectedEnd: event.expectedEnd } : run)) };
    case 'job-finished':
    case 'job-removed':
      return { ...problem, now, ...without(event.jobId) };
    case 'due-date-changed':
      return {
        ...problem,
        now,
        jobs: problem.jobs.map((job) => {
          if (job.id !== event.jobId) return job;
          const { due: _old, ...rest } = job;
          return event.due === null ? rest : { ...rest, due: event.due };
        }),
      };
  }
}

/** Machines whose queue the event changes directly. */
function touchedMachines(previous: Schedule, event: ScheduleEvent): Set<string> {
  const touched = new Set<string>();
  const machineOf = (jobId: string) => previous.jobs.find((p) => p.jobId === jobId)?.machineId;
  if (event.type === 'machine-down' || event.type === 'machine-up') touched.add(event.machineId);
  else if (event.type === 'job-started') touched.add(event.machineId);
  else if (event.type !== 'job-added') {
    const m = machineOf(event.jobId);
    if (m !== undefined) touched.add(m);
  }
  return touched;
}

/**
 * Repairs a schedule after one event instead of solving again: machines the event does
 * not touch keep their sequences, the jobs it set loose are inserted where they cost
 * least, then a short local search over those jobs and the touched machines' queues.
 * Returns the jobs whose ETA (planned end) moved, so an order's ETA change can be
 * recorded and reach the customer.
 */
export function reschedule(input: {
  problem: SchedulingProblem;
  previous: Schedule;
  event: ScheduleEvent;
  /** The time of the event; default the later of the problem's now and the event's own time. */
  now?: number;
  options?: SolveOptions;
}): RescheduleResult {
  const { previous, event } = input;
  const eventTime = 'at' in event ? event.at : input.problem.now;
  const now = input.now ?? Math.max(input.problem.now, eventTime);
  const problem = applyEvent(input.problem, event, now);
  const model = compileProblem(problem);
  const { seqs, leftover } = seedFromSchedule(model, previous);
  if (event.type === 'due-date-changed') {
    const j = model.index.get(event.jobId);
    if (j !== undefined && !model.fixed[j]) {
      for (const seq of seqs) {
        const at = seq.indexOf(j);
        if (at >= 0 && model.rank[j]! < 0) {
          seq.splice(at, 1);
          leftover.push(j);
        }
      }
    }
  }
  const state = new SearchState(model, seqs);
  const moves = new Moves(state);
  const unplaced: number[] = [];
  leftover.push(...state.dropUnfit());
  leftover.sort((a, b) => model.d[a]! - model.d[b]!);
  for (const j of leftover) if (model.fixed[j] || !moves.insertBest(j)) unplaced.push(j);

  const touched = touchedMachines(previous, event);
  // Machines that took displaced jobs are affected too.
  for (const j of leftover) if (state.where[j]! >= 0) touched.add(model.machines[state.where[j]!]!.id);
  const freed = event.type === 'machine-up' || event.type === 'job-finished' || event.type === 'job-removed';
  const focus = new Set(leftover.filter((j) => state.where[j]! >= 0));
  model.machines.forEach((machine, m) => {
    if (!touched.has(machine.id)) return;
    for (const j of state.lines[m]!.seq) if (!model.fixed[j]) focus.add(j);
    // Capacity came free: any job that may run there is worth a look.
    if (freed) for (let j = 0; j < model.n; j++) if (!model.fixed[j] && model.allowed[j * model.machines.length + m]) focus.add(j);
  });
  const rng = createRng(input.options?.seed ?? 1);
  const jobs = shuffle([...focus], rng);
  const options = input.options ?? {};
  const budget = stepBudget({ ...options, maxSteps: options.maxSteps ?? 3 * jobs.length + RUINS }, model.n);
  // Descent over the affected jobs, then a few ruin-and-recreate steps seeded at them.
  while (!budget.stop() && descentPass(moves, jobs, budget));
  const free = jobs.filter((j) => model.rank[j]! < 0);
  if (free.length > 0) for (let k = 0; (options.maxSteps !== undefined || k < RUINS) && !budget.stop(); k++) ruinAndRecreate(state, moves, rng, free);

  const schedule = buildSchedule(model, state, unplaced);
  return { problem, schedule, etaChanges: etaChanges(previous, schedule) };
}

export function etaChanges(previous: Schedule, next: Schedule): EtaChange[] {
  const before = new Map(previous.jobs.map((p) => [p.jobId, p.end]));
  const after = new Map(next.jobs.map((p) => [p.jobId, p.end]));
  const changes: EtaChange[] = [];
  for (const [jobId, end] of after) {
    const old = before.get(jobId) ?? null;
    if (old === null || Math.abs(old - end) > 1e-9) changes.push({ jobId, before: old, after: end });
  }
  for (const [jobId, end] of before) if (!after.has(jobId)) changes.push({ jobId, before: end, after: null });
  return changes;
}
