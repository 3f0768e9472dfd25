import { segmentsOf } from './calendar.ts';
import type { Model } from './compile-problem.ts';
import type { SearchState } from './search-state.ts';
import type { MachineQueue, PlannedJob, Schedule, ScheduleMetrics, UnscheduledJob } from './scheduling-types.ts';

/** The solver's state as the plain schedule callers see. */
export function buildSchedule(model: Model, state: SearchState, unplaced: number[]): Schedule {
  const machines: MachineQueue[] = model.machines.map((machine, m) => {
    const queue: PlannedJob[] = [];
    for (const run of model.running) {
      if (run.machine !== m) continue;
      const segments = machine.calendar ? segmentsOf(machine.calendar, run.start, run.end) : undefined;
      queue.push({
        jobId: run.job.id,
        machineId: machine.id,
        sequence: queue.length,
        setup: 0,
        start: run.start,
        end: run.end,
        ...(segments ? { segments } : {}),
        tardiness: Math.max(0, run.end - (run.job.due ?? Infinity)),
        running: true,
      });
    }
    const line = state.lines[m]!;
    line.seq.forEach((j, k) => {
      const start = line.start[k]!;
      const end = line.end[k]!;
      const segments = machine.calendar ? segmentsOf(machine.calendar, start, end) : undefined;
      queue.push({
        jobId: model.jobs[j]!.id,
        machineId: machine.id,
        sequence: queue.length,
        setup: line.setupAt[k]!,
        start,
        end,
        ...(segments ? { segments } : {}),
        tardiness: Math.max(0, end - model.d[j]!),
        running: false,
      });
    });
    return { machineId: machine.id, queue };
  });
  const unscheduled: UnscheduledJob[] = [
    ...model.unscheduled,
    ...unplaced.map((j): UnscheduledJob => {
      const job = model.jobs[j]!;
      const whole = job.splittable === false;
      return {
        jobId: job.id,
        reason: 'no-working-time',
        detail: whole
          ? `no compatible machine has a working window of ${job.duration} minutes left in its calendar`
          : `no compatible machine has ${job.duration} working minutes left in its calendar`,
      };
    }),
  ];
  const jobs = machines.flatMap((machine) => machine.queue);
  return { now: model.now, machines, jobs, unscheduled, metrics: metricsOf(model, jobs) };
}

function metricsOf(model: Model, jobs: PlannedJob[]): ScheduleMetrics {
  const weightOf = new Map<string, number>();
  for (const run of model.running) weightOf.set(run.job.id, run.job.weight);
  for (const job of model.jobs) weightOf.set(job.id, job.weight);
  let latest = model.now;
  let weightedTardiness = 0;
  let setupTime = 0;
  let tardyJobs = 0;
  const lastEnd = new Map<string, number>();
  for (const job of jobs) {
    latest = Math.max(latest, job.end);
    weightedTardiness += (weightOf.get(job.jobId) ?? 0) * job.tardiness;
    setupTime += job.setup;
    if (job.tardiness > 0) tardyJobs += 1;
    lastEnd.set(job.machineId, Math.max(lastEnd.get(job.machineId) ?? -Infinity, job.end));
  }
  let balance = 0;
  for (const machine of model.machines) {
    const x = Math.max(lastEnd.get(machine.id) ?? machine.ready0, machine.ready0) - model.now;
    if (machine.up) balance += x * x;
  }
  return { makespan: latest - model.now, weightedTardiness, setupTime, objective: weightedTardiness + setupTime, balance, tardyJobs };
}
