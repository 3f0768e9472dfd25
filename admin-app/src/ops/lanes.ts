import type { BoardJob } from './jobs-query.ts';

export type LaneKey = 'queued' | 'active' | 'ready' | 'hold';

export const LANES: { key: LaneKey; label: string }[] = [
  { key: 'queued', label: 'Queued' },
  { key: 'active', label: 'In progress' },
  { key: 'ready', label: 'Ready' },
];

/** The lane follows the stage: done and cancelled jobs leave the board. */
export function laneOf(job: BoardJob): LaneKey | null {
  if (job.stage.category === 'done' || job.stage.category === 'cancelled') return null;
  if (job.stage.category === 'hold') return 'hold';
  if (job.stage.customerStatus === 'ready') return 'ready';
  return job.stage.category === 'queued' ? 'queued' : 'active';
}

/** Rush first, then the earliest due date; undated last; job number breaks ties. */
export function byUrgency(a: BoardJob, b: BoardJob): number {
  if (a.rush !== b.rush) return a.rush ? -1 : 1;
  const dueA = a.dueAt ? Date.parse(a.dueAt) : Infinity;
  const dueB = b.dueAt ? Date.parse(b.dueAt) : Infinity;
  if (dueA !== dueB) return dueA - dueB;
  return a.number.localeCompare(b.number, undefined, { numeric: true });
}

export function groupIntoLanes(jobs: BoardJob[]): Record<LaneKey, BoardJob[]> {
  const lanes: Record<LaneKey, BoardJob[]> = { queued: [], active: [], ready: [], hold: [] };
  for (const job of jobs) {
    const lane = laneOf(job);
    if (lane) lanes[lane].push(job);
  }
  for (const lane of Object.values(lanes)) lane.sort(byUrgency);
  return lanes;
}

const DAY_MS = 86_400_000;

/** Late: due date passed. At risk: the planned finish (ETA) falls after the due date, or it is due within a day. */
export function urgencyOf(job: BoardJob, now: number): 'late' | 'at_risk' | null {
  if (!job.dueAt) return null;
  const due = Date.parse(job.dueAt);
  if (due < now) return 'late';
  if ((job.eta && Date.parse(job.eta) > due) || due - now < DAY_MS) return 'at_risk';
  return null;
}

export function daysInStage(job: BoardJob, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(job.stageEnteredAt)) / DAY_MS));
}
