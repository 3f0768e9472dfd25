import { fitsBuildVolume } from '../preflight/mesh/index.ts';
import type { RunningJob, SchedulingJob, SchedulingMachine, SchedulingProblem, SetupMatrix } from '../scheduling/index.ts';
import { tardinessWeight } from '../scheduling/index.ts';
import { jobDuration, type TimeModel } from './job-duration.ts';
import { calendarFromJson, type MachineCalendar } from './machine-calendar.ts';
import { toAxisMinutes } from './time-axis.ts';

export type SizeMm = { width: number; height: number } | { x: number; y: number; z: number };

export interface PlanMachine {
  id: string;
  processes: readonly string[];
  /** Empty: any material of its processes. */
  materials: readonly string[];
  capabilities: readonly string[];
  maxSizeMm: SizeMm | null;
  timeFactor: number;
  calendar: MachineCalendar | null;
  state: 'up' | 'down' | 'maintenance';
  lockedSequence: readonly string[] | null;
  manualOrder: readonly string[];
}

export interface PlanProfile {
  process: string;
  material: string | null;
  requiredCapabilities: readonly string[];
  setupFamily: string | null;
  timeModel: TimeModel | null;
  /** One unit's flat size (the profile's trim size), when it has one. */
  trimMm: { width: number; height: number } | null;
}

export interface PlanJob {
  id: string;
  quantity: number;
  /** Null: no production profile matched the job's lines. */
  profile: PlanProfile | null;
  dueMs: number | null;
  rush: boolean;
  priority: number;
  pinnedMachineId: string | null;
  /** On its machine since this time (the job is in the production stage). */
  running: { machineId: string; startMs: number } | null;
  /** The bounding boxes of its 3D parts (checked design files), each of which must fit the machine's build volume. */
  partsMm?: readonly PartMm[];
}

export interface PartMm {
  x: number;
  y: number;
  z: number;
}

export interface PlannedDuration {
  minutes: number;
  source: 'profile' | 'default';
}

export interface ProblemBuild {
  problem: SchedulingProblem;
  durations: Map<string, PlannedDuration>;
  /** Jobs kept out of the problem, with the reason an operator can act on. */
  unplannable: { jobId: string; reason: 'no-production-profile'; detail: string }[];
}

const norm = (value: string) => value.trim().toLowerCase();

/** A machine takes a sheet in either orientation; a volume by its footprint and height as given. */
export function fitsSize(machine: SizeMm | null, job: { width: number; height: number }): boolean {
  if (!machine) return true;
  const [w, h] = 'width' in machine ? [machine.width, machine.height] : [machine.x, machine.y];
  return (job.width <= w && job.height <= h) || (job.width <= h && job.height <= w);
}

const sizeKey = (trim: { width: number; height: number }) => `fits:${trim.width}x${trim.height}`;
const round = (mm: number) => Math.round(mm * 10) / 10;
const partKey = (part: PartMm) => `fits-part:${round(part.x)}x${round(part.y)}x${round(part.z)}`;

/**
 * A printer takes a part when some axis order of it fits its build volume (a part may be
 * laid on any side). A machine with a flat size or none stated is not held to it.
 */
export function fitsPart(machine: SizeMm | null, part: PartMm): boolean {
  if (!machine || !('z' in machine)) return true;
  return fitsBuildVolume(part, machine).fits;
}

/** What a job needs from a machine, as capability strings the solver matches exactly. */
export function requirementsOf(profile: PlanProfile, parts: readonly PartMm[] = []): string[] {
  return [
    `process:${norm(profile.process)}`,
    ...(profile.material ? [`material:${norm(profile.material)}`] : []),
    ...profile.requiredCapabilities.map((c) => `cap:${norm(c)}`),
    ...(profile.trimMm ? [sizeKey(profile.trimMm)] : []),
    ...new Set(parts.map(partKey)),
  ];
}

/**
 * What a machine offers for the given open jobs: its processes, materials (every
 * material the jobs ask for when it lists none) and capabilities, a `fits:` token for
 * each job size its sheet or bed takes, and a `fits-part:` token for each 3D part its
 * build volume takes.
 */
export function capabilitiesOf(machine: PlanMachine, profiles: readonly PlanProfile[], parts: readonly PartMm[] = []): string[] {
  const caps = new Set<string>([...machine.processes.map((p) => `process:${norm(p)}`), ...machine.capabilities.map((c) => `cap:${norm(c)}`)]);
  for (const m of machine.materials) caps.add(`material:${norm(m)}`);
  for (const profile of profiles) {
    if (profile.material && machine.materials.length === 0) caps.add(`material:${norm(profile.material)}`);
    if (profile.trimMm && fitsSize(machine.maxSizeMm, profile.trimMm)) caps.add(sizeKey(profile.trimMm));
  }
  for (const part of parts) if (fitsPart(machine.maxSizeMm, part)) caps.add(partKey(part));
  return [...caps].sort();
}

/**
 * The scheduler's problem from the shop's rows. Durations use the slowest compatible
 * machine's time factor (the solver plans one duration per job, so ETAs err late);
 * a job without a production profile is not planned (its process is unknown).
 */
export function buildProblem(input: { nowMs: number; machines: readonly PlanMachine[]; jobs: readonly PlanJob[]; setupMatrix: SetupMatrix }): ProblemBuild {
  const now = Math.floor(toAxisMinutes(input.nowMs));
  const profiles = input.jobs.flatMap((job) => (job.profile ? [job.profile] : []));
  const parts = input.jobs.flatMap((job) => job.partsMm ?? []);
  const machines = input.machines.map((machine) => ({ machine, caps: new Set(capabilitiesOf(machine, profiles, parts)) }));
  const running = new Map(input.jobs.flatMap((job) => (job.running && machines.some((m) => m.machine.id === job.running!.machineId) ? [[job.id, job.running] as const] : [])));

  const durations = new Map<string, PlannedDuration>();
  const unplannable: ProblemBuild['unplannable'] = [];
  const jobs: SchedulingJob[] = [];
  for (const job of input.jobs) {
    if (!job.profile) {
      unplannable.push({ jobId: job.id, reason: 'no-production-profile', detail: 'no production profile matches this job\'s product, so its process and machine are unknown: map the product to a profile' });
      continue;
    }
    const requires = requirementsOf(job.profile, job.partsMm);
    const compatible = machines.filter((m) => requires.every((r) => m.caps.has(r)));
    const timeFactor = compatible.length > 0 ? Math.max(...compatible.map((m) => m.machine.timeFactor)) : 1;
    const trim = job.profile.trimMm;
    const duration = jobDuration({ timeModel: job.profile.timeModel, quantity: job.quantity, areaM2: trim ? (trim.width * trim.height) / 1e6 : null, timeFactor });
    durations.set(job.id, duration);
    jobs.push({
      id: job.id,
      duration: duration.minutes,
      requires,
      weight: tardinessWeight({ priority: job.priority, rush: job.rush }),
      ...(job.dueMs !== null ? { due: Math.round(toAxisMinutes(job.dueMs)) } : {}),
      ...(job.profile.setupFamily ? { setupFamily: job.profile.setupFamily } : {}),
      ...(job.pinnedMachineId ? { pinnedTo: job.pinnedMachineId } : {}),
    });
  }

  const planned = new Set(jobs.map((job) => job.id));
  const queueable = (ids: readonly string[]) => ids.filter((id) => planned.has(id) && !running.has(id));
  const schedulingMachines: SchedulingMachine[] = machines.map(({ machine, caps }) => {
    const locked = machine.lockedSequence ? queueable(machine.lockedSequence) : [];
    const manual = queueable(machine.manualOrder);
    return {
      id: machine.id,
      capabilities: [...caps],
      ...(machine.calendar ? { calendar: calendarFromJson(machine.calendar) } : {}),
      state: machine.state === 'up' ? 'up' : 'down',
      ...(locked.length > 0 ? { lockedSequence: locked } : {}),
      ...(manual.length > 0 ? { manualOrder: manual } : {}),
    };
  });
  const runs: RunningJob[] = [...running].flatMap(([jobId, run]) => (planned.has(jobId) ? [{ jobId, machineId: run.machineId, start: Math.floor(toAxisMinutes(run.startMs)) }] : []));
  const problem: SchedulingProblem = {
    now,
    machines: schedulingMachines,
    jobs,
    ...(runs.length > 0 ? { running: runs } : {}),
    ...(Object.keys(input.setupMatrix).length > 0 ? { setupMatrix: input.setupMatrix } : {}),
  };
  return { problem, durations, unplannable };
}
