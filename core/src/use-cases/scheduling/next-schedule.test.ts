import { describe, expect, it } from 'vitest';
import { solveSchedule, verifySchedule, type SchedulingProblem } from '../../domain/index.ts';
import { nextSchedule } from './next-schedule.ts';

const problem: SchedulingProblem = {
  now: 0,
  machines: ['m1', 'm2', 'm3'].map((id) => ({ id, capabilities: ['process:digital_press'], state: 'up' as const })),
  jobs: Array.from({ length: 12 }, (_, i) => ({ id: `j${i}`, duration: 30 + i * 5, requires: ['process:digital_press'], weight: 1, due: 60 + i * 20 })),
};
const clock = () => 0;

describe('the next plan of a shop', () => {
  it('repairs the last plan after known events and solves again after any other change', () => {
    const previous = { problem, schedule: solveSchedule(problem, { seed: 1 }) };
    const down: SchedulingProblem = { ...problem, now: 10, machines: problem.machines.map((m) => (m.id === 'm2' ? { ...m, state: 'down' as const } : m)) };
    const repaired = nextSchedule({ problem: down, previous, budgetMs: 1000, nowMs: clock });
    expect(repaired.method).toBe('reschedule:machine-down');
    expect(repaired.schedule.jobs.some((job) => job.machineId === 'm2')).toBe(false);
    expect(repaired.schedule.jobs).toHaveLength(12);
    expect(verifySchedule(down, repaired.schedule).violations).toEqual([]);

    const pinned: SchedulingProblem = { ...problem, jobs: problem.jobs.map((job) => (job.id === 'j0' ? { ...job, pinnedTo: 'm3' } : job)) };
    const repinned = nextSchedule({ problem: pinned, previous, budgetMs: 1000, nowMs: clock });
    expect(repinned.method).toBe('reschedule:job-removed,job-added');
    expect(repinned.schedule.jobs.find((job) => job.jobId === 'j0')!.machineId).toBe('m3');
    expect(verifySchedule(pinned, repinned.schedule).violations).toEqual([]);

    const locked: SchedulingProblem = { ...problem, machines: problem.machines.map((m) => (m.id === 'm1' ? { ...m, lockedSequence: ['j5', 'j4'] } : m)) };
    const solved = nextSchedule({ problem: locked, previous, budgetMs: 1000, nowMs: clock });
    expect(solved.method).toBe('solve');
    expect(solved.schedule.machines.find((m) => m.machineId === 'm1')!.queue.slice(0, 2).map((p) => p.jobId)).toEqual(['j5', 'j4']);
    expect(nextSchedule({ problem, previous: null, budgetMs: 1000, nowMs: clock }).method).toBe('solve');
    // Only the clock moved: the plan stands, so no ETA moves for nothing.
    expect(nextSchedule({ problem: { ...problem, now: 5 }, previous, budgetMs: 1000, nowMs: clock })).toEqual({ schedule: previous.schedule, method: 'unchanged' });
  });

  it('times the same queues again from now once the clock has passed the plan', () => {
    const previous = { problem, schedule: solveSchedule(problem, { seed: 1 }) };
    const firstEnd = Math.min(...previous.schedule.jobs.map((job) => job.end));
    const later: SchedulingProblem = { ...problem, now: firstEnd + 7 };
    const next = nextSchedule({ problem: later, previous, budgetMs: 1000, nowMs: clock });
    expect(next.method).toBe('retime');
    // Nobody changes machine or place in line: only the times move, by at least the time that passed.
    const queues = (schedule: typeof next.schedule) => schedule.machines.map((machine) => [machine.machineId, machine.queue.map((job) => job.jobId)]);
    expect(queues(next.schedule)).toEqual(queues(previous.schedule));
    expect(Math.min(...next.schedule.jobs.map((job) => job.start))).toBeGreaterThanOrEqual(later.now);
    for (const job of next.schedule.jobs) expect(job.end, job.jobId).toBeGreaterThanOrEqual(previous.schedule.jobs.find((old) => old.jobId === job.jobId)!.end);
    expect(verifySchedule(later, next.schedule).violations).toEqual([]);
  });
});
