/**
 * The scheduler's plain-data contract. Every time is a number of minutes on one axis the
 * caller chooses (the CLI uses "minutes from now", the database side minutes since an
 * epoch of its choosing); the domain never reads a clock.
 */

/**
 * Working time of a machine. A job runs, and a changeover happens, only inside working
 * windows. A job longer than what is left of a window continues in the next window (same
 * total working minutes), unless the job says `splittable: false`.
 */
export interface WorkingCalendar {
  /** Working intervals [start, end), in minutes. */
  windows: ReadonlyArray<readonly [number, number]>;
  /**
   * When set, `windows` lie within [0, repeatEvery) and repeat every `repeatEvery`
   * minutes from time 0 (e.g. 10080 for a weekly shift pattern on an axis starting on a
   * Monday 00:00). Without it the windows are all the working time there is.
   */
  repeatEvery?: number;
  /** Exceptions carved out of the windows: days off, planned maintenance. */
  closed?: ReadonlyArray<readonly [number, number]>;
}

export interface SchedulingMachine {
  id: string;
  capabilities: readonly string[];
  /** Absent: always working. */
  calendar?: WorkingCalendar;
  /** A machine that is down (or in maintenance) takes no jobs; default up. */
  state?: 'up' | 'down';
  /**
   * Operator lock: these jobs run first (after the running job), in exactly this order,
   * with nothing put before or between them. Jobs may still be appended after them.
   */
  lockedSequence?: readonly string[];
  /**
   * Operator drag order: these jobs stay on this machine in this relative order; the
   * scheduler may put other jobs between them.
   */
  manualOrder?: readonly string[];
}

export interface SchedulingJob {
  id: string;
  /** Working minutes, setup excluded. */
  duration: number;
  /** Every capability must be among a machine's capabilities. */
  requires: readonly string[];
  /** Absent: no due date, never tardy. */
  due?: number;
  /** Tardiness weight per minute late; rush jobs weigh more (see `tardinessWeight`). */
  weight: number;
  /** Jobs of one family follow each other without a changeover. Absent: family "". */
  setupFamily?: string;
  /** Earliest start (materials, files, upstream work). */
  release?: number;
  /** Operator pin: this machine only. */
  pinnedTo?: string;
  /** False: must run inside one working window (default true: may continue next window). */
  splittable?: boolean;
}

/** A job already on a machine: it keeps its machine and start. The job itself is in `jobs`. */
export interface RunningJob {
  jobId: string;
  machineId: string;
  start: number;
  /** Expected end when known (a job overrunning its plan); else start + duration in working time, never before now. */
  expectedEnd?: number;
}

/** setupMatrix[from][to]: changeover minutes; missing entries and same-family pairs are 0. */
export type SetupMatrix = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface SchedulingProblem {
  now: number;
  machines: readonly SchedulingMachine[];
  /** Open jobs: the ones to schedule and the running ones. */
  jobs: readonly SchedulingJob[];
  running?: readonly RunningJob[];
  setupMatrix?: SetupMatrix;
}

export type UnscheduledReason =
  | 'invalid-job'
  | 'duplicate-job'
  | 'no-compatible-machine'
  | 'no-machine-up'
  | 'pinned-machine-unknown'
  | 'pinned-machine-down'
  | 'pinned-machine-incompatible'
  | 'lock-conflict'
  | 'no-working-time';

export interface UnscheduledJob {
  jobId: string;
  reason: UnscheduledReason;
  /** A sentence an operator can act on. */
  detail: string;
}

export interface PlannedJob {
  jobId: string;
  machineId: string;
  /** 0-based position in the machine's queue (the running job is 0 when there is one). */
  sequence: number;
  /** Changeover minutes before this job (done in the working time before `start`). */
  setup: number;
  start: number;
  /** Planned end: the job's ETA. */
  end: number;
  /** Working pieces when the job spans more than one calendar window. */
  segments?: Array<[number, number]>;
  tardiness: number;
  running: boolean;
}

export interface MachineQueue {
  machineId: string;
  queue: PlannedJob[];
}

export interface ScheduleMetrics {
  /** Latest planned end minus now (0 when nothing is planned). */
  makespan: number;
  weightedTardiness: number;
  setupTime: number;
  /** weightedTardiness + setupTime: what the solver minimises after the hard constraints. */
  objective: number;
  /** Σ over machines of (last end − now)²: the tie-breaker that balances load. */
  balance: number;
  tardyJobs: number;
}

export interface Schedule {
  now: number;
  machines: MachineQueue[];
  /** Every planned job (running ones included), by machine then sequence. */
  jobs: PlannedJob[];
  unscheduled: UnscheduledJob[];
  metrics: ScheduleMetrics;
}

export interface SolveOptions {
  /** Seed of the solver's own PRNG; same input and seed give the same schedule. */
  seed?: number;
  /** Checked between local-search steps; return true to stop (the caller owns the clock). */
  shouldStop?: () => boolean;
  /** Upper bound on local-search steps (one step explores one job's moves or one ruin-and-recreate). */
  maxSteps?: number;
  /** ATCS look-ahead parameters; default derived from the instance (Lee, Bhaskaran and Pinedo). */
  atcs?: { k1: number; k2: number };
  /** False: the dispatch rule only, no local search. */
  improve?: boolean;
}
