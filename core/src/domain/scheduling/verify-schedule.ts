import type { Schedule, SchedulingMachine, SchedulingProblem, WorkingCalendar } from './scheduling-types.ts';

/**
 * An independent check of a schedule against its problem, written plainly and sharing
 * no code with the solver, for tests, the benchmark and anyone doubting a plan. It
 * recomputes the metrics from the assignments alone.
 */
export interface ScheduleCheck {
  violations: string[];
  metrics: { makespan: number; weightedTardiness: number; setupTime: number };
}

const TOLERANCE = 1e-6;

/** Working intervals of a calendar that meet [a, b). */
function windowsWithin(cal: WorkingCalendar, a: number, b: number): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  if (cal.repeatEvery !== undefined && cal.repeatEvery > 0) {
    const period = cal.repeatEvery;
    for (let k = Math.floor(a / period) - 1; k * period < b; k++) {
      for (const [s, e] of cal.windows) raw.push([k * period + Math.max(0, s), k * period + Math.min(period, e)]);
    }
  } else {
    for (const [s, e] of cal.windows) raw.push([s, e]);
  }
  const clipped = raw.map(([s, e]): [number, number] => [Math.max(s, a), Math.min(e, b)]).filter(([s, e]) => s < e);
  // Remove closed time, one closed interval at a time.
  let pieces = clipped;
  for (const [cs, ce] of cal.closed ?? []) {
    pieces = pieces.flatMap(([s, e]): Array<[number, number]> => {
      if (ce <= s || cs >= e) return [[s, e]];
      const out: Array<[number, number]> = [];
      if (cs > s) out.push([s, cs]);
      if (ce < e) out.push([ce, e]);
      return out;
    });
  }
  // Overlapping windows count once.
  pieces.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of pieces) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function workingMinutes(machine: SchedulingMachine, a: number, b: number): number {
  if (b <= a) return 0;
  if (!machine.calendar) return b - a;
  return windowsWithin(machine.calendar, a, b).reduce((sum, [s, e]) => sum + e - s, 0);
}

function setupMinutes(problem: SchedulingProblem, from: string, to: string): number {
  if (from === to) return 0;
  const minutes = problem.setupMatrix?.[from]?.[to];
  return typeof minutes === 'number' && minutes >= 0 && Number.isFinite(minutes) ? minutes : 0;
}

export function verifySchedule(problem: SchedulingProblem, schedule: Schedule): ScheduleCheck {
  const violations: string[] = [];
  const machines = new Map(problem.machines.map((m) => [m.id, m]));
  const jobs = new Map<string, (typeof problem.jobs)[number]>();
  for (const job of problem.jobs) if (!jobs.has(job.id)) jobs.set(job.id, job);
  const running = new Map((problem.running ?? []).map((r) => [r.jobId, r]));

  const seen = new Map<string, number>();
  for (const planned of schedule.jobs) seen.set(planned.jobId, (seen.get(planned.jobId) ?? 0) + 1);
  for (const u of schedule.unscheduled) if (u.reason !== 'duplicate-job') seen.set(u.jobId, (seen.get(u.jobId) ?? 0) + 1);
  for (const id of jobs.keys()) {
    const count = seen.get(id) ?? 0;
    if (count !== 1) violations.push(`job ${id} appears ${count} times among planned and unscheduled jobs`);
  }
  for (const id of seen.keys()) if (!jobs.has(id)) violations.push(`job ${id} is not in the problem`);
  for (const u of schedule.unscheduled) if (!u.reason || !u.detail) violations.push(`job ${u.jobId} is unscheduled without a reason`);

  let weightedTardiness = 0;
  let setupTime = 0;
  let latest = problem.now;
  for (const queue of schedule.machines) {
    const machine = machines.get(queue.machineId);
    if (!machine) {
      violations.push(`machine ${queue.machineId} is not in the problem`);
      continue;
    }
    const caps = new Set(machine.capabilities);
    let prev: { end: number; family: string } | null = null;
    for (const planned of queue.queue) {
      const job = jobs.get(planned.jobId);
      if (!job) continue;
      const where = `job ${job.id} on ${machine.id}`;
      if (!Number.isFinite(planned.start) || !Number.isFinite(planned.end)) {
        violations.push(`${where} has no finite start and end`);
        continue;
      }
      const run = running.get(job.id);
      if (planned.running) {
        if (!run || run.machineId !== machine.id || run.start !== planned.start) violations.push(`${where} is shown running but was not running there`);
      } else {
        if (machine.state === 'down') violations.push(`${where}: the machine is down`);
        if (!job.requires.every((c) => caps.has(c))) violations.push(`${where}: the machine lacks a required capability`);
        if (job.pinnedTo !== undefined && job.pinnedTo !== machine.id) violations.push(`${where}: pinned to ${job.pinnedTo}`);
        if (planned.start < problem.now - TOLERANCE) violations.push(`${where} starts before now`);
        if (job.release !== undefined && planned.start < job.release - TOLERANCE) violations.push(`${where} starts before its release`);
        const worked = workingMinutes(machine, planned.start, planned.end);
        if (Math.abs(worked - job.duration) > TOLERANCE) violations.push(`${where}: ${worked} working minutes between start and end, duration ${job.duration}`);
        if (job.duration > 0 && workingMinutes(machine, planned.start, planned.start + Math.min(job.duration, 1e-3)) <= 0) violations.push(`${where} starts outside working time`);
        if (job.splittable === false && machine.calendar && planned.end - planned.start > job.duration + TOLERANCE) violations.push(`${where} is split across windows`);
        const family = job.setupFamily ?? '';
        const setup = prev ? setupMinutes(problem, prev.family, family) : 0;
        if (Math.abs(planned.setup - setup) > TOLERANCE) violations.push(`${where}: setup ${planned.setup}, expected ${setup}`);
        if (prev) {
          if (planned.start < prev.end - TOLERANCE) violations.push(`${where} overlaps the job before it`);
          else if (workingMinutes(machine, prev.end, planned.start) < setup - TOLERANCE) violations.push(`${where}: no room for its ${setup}-minute setup`);
        }
      }
      if (Math.abs(planned.tardiness - Math.max(0, planned.end - (job.due ?? Infinity))) > TOLERANCE) violations.push(`${where}: tardiness misreported`);
      weightedTardiness += job.weight * Math.max(0, planned.end - (job.due ?? Infinity));
      setupTime += planned.setup;
      latest = Math.max(latest, planned.end);
      prev = { end: planned.end, family: job.setupFamily ?? '' };
    }
    if (machine.state !== 'down') {
      const queued = queue.queue.filter((p) => !p.running).map((p) => p.jobId);
      const locked = [...new Set(machine.lockedSequence ?? [])].filter((id) => queued.includes(id));
      if (locked.some((id, k) => queued[k] !== id)) violations.push(`machine ${machine.id}: its locked sequence is not at the head of its queue`);
      const ordered = [...new Set(machine.manualOrder ?? [])].filter((id) => queued.includes(id) && !locked.includes(id));
      const positions = ordered.map((id) => queued.indexOf(id));
      if (positions.some((p, k) => k > 0 && p < positions[k - 1]!)) violations.push(`machine ${machine.id}: its manual order is not kept`);
    }
  }
  return { violations, metrics: { makespan: latest - problem.now, weightedTardiness, setupTime } };
}
