import { advance, compileCalendar, type Calendar } from './calendar.ts';
import type { SchedulingJob, SchedulingProblem, UnscheduledJob } from './scheduling-types.ts';

/** A running job as the solver sees it: fixed, ahead of the machine's queue. */
export interface RunningModel {
  job: SchedulingJob;
  machine: number;
  start: number;
  end: number;
}

export interface MachineModel {
  id: string;
  up: boolean;
  /** null: always working. */
  calendar: Calendar | null;
  /** When the machine is free for queued work (now, or the end of what is running). */
  ready0: number;
  /** Family of the running job, -1 when none (no setup before the first job). */
  fam0: number;
  /** Job indices of the operator lock, in order. */
  locked: number[];
}

/**
 * The problem in arrays indexed by job and machine number, with every job that cannot be
 * placed already set aside with its reason. Only jobs with at least one usable machine
 * get an index.
 */
export interface Model {
  now: number;
  n: number;
  jobs: SchedulingJob[];
  index: Map<string, number>;
  p: Float64Array;
  r: Float64Array;
  /** Infinity when the job has no due date. */
  d: Float64Array;
  w: Float64Array;
  fam: Int32Array;
  splittable: Uint8Array;
  families: string[];
  /** setup[f * families.length + g]: minutes from family f to g. */
  setup: Float64Array;
  machines: MachineModel[];
  /** Usable machine indices per job. */
  eligible: Int32Array[];
  /** allowed[j * M + m] = 1 when job j may run on machine m. */
  allowed: Uint8Array;
  /** 1 for jobs in a locked prefix: they never move. */
  fixed: Uint8Array;
  /** Position in the machine's manual order, -1 when the job has none. */
  rank: Int32Array;
  running: RunningModel[];
  unscheduled: UnscheduledJob[];
}

const validNumber = (x: unknown, min = -Infinity): boolean => typeof x === 'number' && !Number.isNaN(x) && x >= min && x !== Infinity;

function invalidReason(job: SchedulingJob): string | null {
  if (typeof job.id !== 'string' || job.id === '') return 'the job has no id';
  if (!validNumber(job.duration, 0)) return `duration ${String(job.duration)} is not a finite number of minutes ≥ 0`;
  if (!validNumber(job.weight, 0)) return `weight ${String(job.weight)} is not a finite number ≥ 0`;
  if (job.due !== undefined && (typeof job.due !== 'number' || Number.isNaN(job.due))) return `due ${String(job.due)} is not a number`;
  if (job.release !== undefined && !validNumber(job.release)) return `release ${String(job.release)} is not a finite number`;
  if (!Array.isArray(job.requires)) return 'requires is not a list';
  return null;
}

export function compileProblem(problem: SchedulingProblem): Model {
  const now = problem.now;
  const unscheduled: UnscheduledJob[] = [];
  const setAside = (jobId: string, reason: UnscheduledJob['reason'], detail: string) => unscheduled.push({ jobId, reason, detail });

  // Machines: first occurrence of an id wins.
  const machineSpecs = problem.machines.filter((m, i, all) => all.findIndex((o) => o.id === m.id) === i);
  const machineIndex = new Map(machineSpecs.map((m, i) => [m.id, i]));
  const M = machineSpecs.length;
  const caps = machineSpecs.map((m) => new Set(m.capabilities));
  const up = machineSpecs.map((m) => m.state !== 'down');

  // Jobs: valid and unique.
  const byId = new Map<string, SchedulingJob>();
  for (const job of problem.jobs) {
    const invalid = invalidReason(job);
    if (invalid !== null) setAside(String(job.id), 'invalid-job', invalid);
    else if (byId.has(job.id)) setAside(job.id, 'duplicate-job', `job ${job.id} is listed more than once; the first one is scheduled`);
    else byId.set(job.id, job);
  }

  // Families and setups.
  const famIndex = new Map<string, number>();
  const famOf = (name: string | undefined): number => {
    const key = name ?? '';
    let f = famIndex.get(key);
    if (f === undefined) famIndex.set(key, (f = famIndex.size));
    return f;
  };
  for (const job of byId.values()) famOf(job.setupFamily);

  // Running jobs keep machine and start; one on a down machine is interrupted and queued again.
  const runningIds = new Set<string>();
  const runningRaw: Array<{ job: SchedulingJob; machine: number; start: number; expectedEnd: number | undefined }> = [];
  for (const run of problem.running ?? []) {
    const job = byId.get(run.jobId);
    const m = machineIndex.get(run.machineId);
    if (!job || m === undefined || !up[m] || runningIds.has(run.jobId) || !validNumber(run.start)) continue;
    runningIds.add(job.id);
    runningRaw.push({ job, machine: m, start: run.start, expectedEnd: validNumber(run.expectedEnd) ? run.expectedEnd : undefined });
  }

  // Calendar horizon: all the work could land on one machine after the latest release.
  let maxSetup = 0;
  for (const [from, row] of Object.entries(problem.setupMatrix ?? {})) {
    for (const [to, minutes] of Object.entries(row)) if (from !== to && validNumber(minutes, 0)) maxSetup = Math.max(maxSetup, minutes);
  }
  let work = 0;
  let latest = now;
  let from = now;
  for (const job of byId.values()) {
    work += job.duration * (job.splittable === false ? 2 : 1) + maxSetup;
    if (job.release !== undefined) latest = Math.max(latest, job.release);
  }
  for (const run of runningRaw) {
    from = Math.min(from, run.start);
    // Queued work starts after the running job, however late that is.
    latest = Math.max(latest, run.expectedEnd ?? run.start);
    work += run.job.duration;
  }

  const machines: MachineModel[] = machineSpecs.map((spec, m) => ({
    id: spec.id,
    up: up[m]!,
    calendar: spec.calendar ? compileCalendar(spec.calendar, { from, latest, work }) : null,
    ready0: now,
    fam0: -1,
    locked: [],
  }));
  const running: RunningModel[] = [];
  for (const run of runningRaw.sort((a, b) => a.start - b.start)) {
    const machine = machines[run.machine]!;
    const byCalendar = machine.calendar ? advance(machine.calendar, run.start, run.job.duration) : Infinity;
    // It runs whatever the calendar says; without working time left, plain minutes.
    const planned = Number.isFinite(byCalendar) ? byCalendar : run.start + run.job.duration;
    // A job still running past its planned end ends no earlier than now.
    const end = Math.max(run.expectedEnd ?? planned, now);
    running.push({ job: run.job, machine: run.machine, start: run.start, end });
    machine.ready0 = Math.max(machine.ready0, end);
    machine.fam0 = famOf(run.job.setupFamily);
  }

  // Eligibility, pins.
  const candidates: SchedulingJob[] = [];
  const eligibleOf = new Map<string, number[]>();
  for (const job of byId.values()) {
    if (runningIds.has(job.id)) continue;
    const compatible: number[] = [];
    for (let m = 0; m < M; m++) if (job.requires.every((c) => caps[m]!.has(c))) compatible.push(m);
    let eligible: number[];
    if (job.pinnedTo !== undefined) {
      const m = machineIndex.get(job.pinnedTo);
      if (m === undefined) {
        setAside(job.id, 'pinned-machine-unknown', `pinned to machine ${job.pinnedTo}, which does not exist`);
        continue;
      }
      if (!compatible.includes(m)) {
        setAside(job.id, 'pinned-machine-incompatible', `pinned to machine ${job.pinnedTo}, which lacks ${missing(job, caps[m]!)}`);
        continue;
      }
      if (!up[m]) {
        setAside(job.id, 'pinned-machine-down', `pinned to machine ${job.pinnedTo}, which is down`);
        continue;
      }
      eligible = [m];
    } else {
      if (compatible.length === 0) {
        setAside(job.id, 'no-compatible-machine', job.requires.length ? `no machine has all of: ${job.requires.join(', ')}` : 'there are no machines');
        continue;
      }
      eligible = compatible.filter((m) => up[m]);
      if (eligible.length === 0) {
        setAside(job.id, 'no-machine-up', `every compatible machine is down (${compatible.map((m) => machineSpecs[m]!.id).join(', ')})`);
        continue;
      }
    }
    candidates.push(job);
    eligibleOf.set(job.id, eligible);
  }

  // Operator locks and manual orders (ignored on a down machine: its jobs go elsewhere).
  const lockedOn = new Map<string, number>();
  const rankOf = new Map<string, { machine: number; rank: number }>();
  const conflicts = new Set<string>();
  const claim = (jobId: string, m: number, kind: string): boolean => {
    const eligible = eligibleOf.get(jobId);
    if (!eligible) return false;
    if (lockedOn.has(jobId) || rankOf.has(jobId)) {
      if ((lockedOn.get(jobId) ?? rankOf.get(jobId)?.machine) === m) return false;
      conflicts.add(jobId);
      return false;
    }
    if (!eligible.includes(m)) {
      setAside(jobId, 'lock-conflict', `the ${kind} of machine ${machineSpecs[m]!.id} holds it, but it may not run there`);
      eligibleOf.delete(jobId);
      return false;
    }
    return true;
  };
  machineSpecs.forEach((spec, m) => {
    if (!up[m]) return;
    for (const jobId of spec.lockedSequence ?? []) if (claim(jobId, m, 'locked sequence')) lockedOn.set(jobId, m);
  });
  machineSpecs.forEach((spec, m) => {
    if (!up[m]) return;
    let rank = 0;
    for (const jobId of spec.manualOrder ?? []) if (claim(jobId, m, 'manual order')) rankOf.set(jobId, { machine: m, rank: rank++ });
  });
  for (const jobId of conflicts) {
    setAside(jobId, 'lock-conflict', 'operator locks or manual orders of two machines hold it');
    eligibleOf.delete(jobId);
    lockedOn.delete(jobId);
    rankOf.delete(jobId);
  }

  const placeable = candidates.filter((job) => eligibleOf.has(job.id));
  const n = placeable.length;
  const model: Model = {
    now,
    n,
    jobs: placeable,
    index: new Map(placeable.map((job, j) => [job.id, j])),
    p: new Float64Array(n),
    r: new Float64Array(n),
    d: new Float64Array(n),
    w: new Float64Array(n),
    fam: new Int32Array(n),
    splittable: new Uint8Array(n),
    families: [],
    setup: new Float64Array(0),
    machines,
    eligible: [],
    allowed: new Uint8Array(n * M),
    fixed: new Uint8Array(n),
    rank: new Int32Array(n).fill(-1),
    running,
    unscheduled,
  };
  placeable.forEach((job, j) => {
    model.p[j] = job.duration;
    model.r[j] = job.release ?? -Infinity;
    model.d[j] = job.due ?? Infinity;
    model.w[j] = job.weight;
    model.fam[j] = famOf(job.setupFamily);
    model.splittable[j] = job.splittable === false ? 0 : 1;
    const lockM = lockedOn.get(job.id);
    const ranked = rankOf.get(job.id);
    const eligible = lockM !== undefined ? [lockM] : ranked ? [ranked.machine] : eligibleOf.get(job.id)!;
    model.eligible.push(Int32Array.from(eligible));
    for (const m of eligible) model.allowed[j * M + m] = 1;
    if (ranked && lockM === undefined) model.rank[j] = ranked.rank;
  });
  machineSpecs.forEach((spec, m) => {
    if (!up[m]) return;
    for (const jobId of spec.lockedSequence ?? []) {
      const j = model.index.get(jobId);
      if (j !== undefined && lockedOn.get(jobId) === m && !model.fixed[j]) {
        model.fixed[j] = 1;
        machines[m]!.locked.push(j);
      }
    }
  });

  for (const run of running) famOf(run.job.setupFamily);
  for (const [fromFam, row] of Object.entries(problem.setupMatrix ?? {})) {
    famOf(fromFam);
    for (const to of Object.keys(row)) famOf(to);
  }
  model.families = [...famIndex.keys()];
  const F = model.families.length;
  model.setup = new Float64Array(F * F);
  for (const [fromFam, row] of Object.entries(problem.setupMatrix ?? {})) {
    for (const [to, minutes] of Object.entries(row)) {
      if (fromFam !== to && validNumber(minutes, 0)) model.setup[famIndex.get(fromFam)! * F + famIndex.get(to)!] = minutes;
    }
  }
  return model;
}

function missing(job: SchedulingJob, caps: Set<string>): string {
  return job.requires.filter((c) => !caps.has(c)).join(', ');
}
