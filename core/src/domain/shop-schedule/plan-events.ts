import type { ScheduleEvent, SchedulingJob, SchedulingProblem } from '../scheduling/index.ts';

/** Deep equality of plain JSON data (the problems are built and stored as JSON). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const withoutDue = ({ due: _due, ...rest }: SchedulingJob) => rest;

/**
 * The events that turn the previous problem into the next one, in an order `reschedule`
 * can apply one by one: finished and removed jobs, machines down or up, new jobs, jobs
 * started, due dates changed. A job changed otherwise (pin, rush, priority, duration)
 * is removed and added again, so it is placed afresh. Null when a machine changed other
 * than going down or up (a lock, a calendar, capabilities, one added) or a running job
 * moved: then the shop is solved again from scratch.
 */
export function eventsBetween(previous: SchedulingProblem, next: SchedulingProblem): ScheduleEvent[] | null {
  if (!same(previous.setupMatrix ?? {}, next.setupMatrix ?? {})) return null;
  if (previous.machines.length !== next.machines.length) return null;
  const machineEvents: ScheduleEvent[] = [];
  for (let i = 0; i < next.machines.length; i++) {
    const before = previous.machines[i]!;
    const after = next.machines[i]!;
    if (!same({ ...before, state: undefined }, { ...after, state: undefined })) return null;
    const wasUp = (before.state ?? 'up') === 'up';
    const isUp = (after.state ?? 'up') === 'up';
    if (wasUp !== isUp) machineEvents.push({ type: isUp ? 'machine-up' : 'machine-down', machineId: after.id });
  }

  const prevJobs = new Map(previous.jobs.map((job) => [job.id, job]));
  const nextJobs = new Map(next.jobs.map((job) => [job.id, job]));
  const prevRun = new Map((previous.running ?? []).map((run) => [run.jobId, run]));
  const nextRun = new Map((next.running ?? []).map((run) => [run.jobId, run]));
  const gone: ScheduleEvent[] = [];
  const changed: ScheduleEvent[] = [];
  const added: ScheduleEvent[] = [];
  const started: ScheduleEvent[] = [];
  const due: ScheduleEvent[] = [];
  for (const [id] of prevJobs) {
    if (!nextJobs.has(id)) gone.push(prevRun.has(id) ? { type: 'job-finished', jobId: id, at: next.now } : { type: 'job-removed', jobId: id });
  }
  for (const [id, job] of nextJobs) {
    const before = prevJobs.get(id);
    if (!before) added.push({ type: 'job-added', job });
    else if (!same(withoutDue(before), withoutDue(job))) changed.push({ type: 'job-removed', jobId: id }, { type: 'job-added', job });
    else if (before.due !== job.due) due.push({ type: 'due-date-changed', jobId: id, due: job.due ?? null });
    const runBefore = prevRun.get(id);
    const runAfter = nextRun.get(id);
    if (runAfter && !runBefore) started.push({ type: 'job-started', jobId: id, machineId: runAfter.machineId, at: runAfter.start });
    else if (runBefore && runAfter && !same(runBefore, runAfter)) return null;
    // A running job that is running no more but still open: its machine went down (the event says so) or something unusual.
    else if (runBefore && !runAfter && !machineEvents.some((e) => e.type === 'machine-down' && e.machineId === runBefore.machineId)) return null;
  }
  return [...gone, ...machineEvents, ...changed, ...added, ...started, ...due];
}
