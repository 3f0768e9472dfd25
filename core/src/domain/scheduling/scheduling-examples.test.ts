import { describe, expect, it } from 'vitest';
import { autoAssign } from './auto-assign.ts';
import { weeklyWindows } from './calendar.ts';
import { reschedule } from './reschedule.ts';
import type { SchedulingProblem } from './scheduling-types.ts';
import { solveSchedule } from './solve-schedule.ts';

const shift = { windows: [[0, 480]] as Array<[number, number]>, repeatEvery: 1440 };

describe('working calendars', () => {
  it('continues a long job in the next shift with the same working minutes', () => {
    const schedule = solveSchedule({ now: 0, machines: [{ id: 'P1', capabilities: [], calendar: shift }], jobs: [{ id: 'long', duration: 600, requires: [], weight: 1 }] });
    expect(schedule.jobs[0]).toMatchObject({ start: 0, end: 1560, segments: [[0, 480], [1440, 1560]] });
  });

  it('waits for a window long enough for a job that must not be split', () => {
    const schedule = solveSchedule({
      now: 0,
      machines: [{ id: 'P1', capabilities: [], calendar: shift }],
      jobs: [
        { id: 'a', duration: 400, requires: [], weight: 5, due: 400 },
        { id: 'b', duration: 200, requires: [], weight: 1, splittable: false },
      ],
    });
    expect(schedule.jobs.map((p) => [p.jobId, p.start, p.end])).toEqual([
      ['a', 0, 400],
      ['b', 1440, 1640],
    ]);
  });

  it('does the changeover in working time before the job', () => {
    const schedule = solveSchedule({
      now: 0,
      machines: [{ id: 'P1', capabilities: [], calendar: shift }],
      jobs: [
        { id: 'a', duration: 470, requires: [], weight: 1, due: 470, setupFamily: 'red' },
        { id: 'b', duration: 60, requires: [], weight: 1, setupFamily: 'blue', release: 100 },
      ],
      setupMatrix: { red: { blue: 30 } },
    });
    // 10 setup minutes left in the first shift, 20 in the next.
    expect(schedule.jobs.map((p) => [p.jobId, p.setup, p.start, p.end])).toEqual([
      ['a', 0, 0, 470],
      ['b', 30, 1460, 1520],
    ]);
  });

  it('expands a weekly shift pattern', () => {
    const calendar = weeklyWindows({ weekStart: 0, shifts: [{ days: [0, 1, 2, 3, 4], from: 360, to: 840 }] });
    expect(calendar.windows).toEqual([0, 1, 2, 3, 4].map((d) => [d * 1440 + 360, d * 1440 + 840]));
    expect(calendar.repeatEvery).toBe(10080);
  });
});

describe('reproducibility', () => {
  it('gives the same schedule for the same input, seed and step budget', () => {
    const problem: SchedulingProblem = {
      now: 0,
      machines: [{ id: 'A', capabilities: [] }, { id: 'B', capabilities: [] }],
      jobs: Array.from({ length: 30 }, (_, i) => ({ id: `J${i}`, duration: 5 + ((i * 7) % 23), requires: [], due: (i * 37) % 200, weight: 1 + (i % 3), setupFamily: `f${i % 4}` })),
      setupMatrix: { f0: { f1: 10, f2: 20 }, f1: { f0: 5, f3: 15 }, f2: { f3: 8 }, f3: { f0: 12 } },
    };
    expect(solveSchedule(problem, { seed: 3, maxSteps: 300 })).toEqual(solveSchedule(problem, { seed: 3, maxSteps: 300 }));
  });
});

describe('jobs that cannot be placed', () => {
  it('names the reason for each', () => {
    const schedule = solveSchedule({
      now: 0,
      machines: [
        { id: 'press', capabilities: ['offset'] },
        { id: 'uv', capabilities: ['uv'], state: 'down' },
        { id: 'bench', capabilities: ['finish'], calendar: { windows: [[0, 60]] } },
      ],
      jobs: [
        { id: 'laser', duration: 10, requires: ['laser'], weight: 1 },
        { id: 'uv-job', duration: 10, requires: ['uv'], weight: 1 },
        { id: 'pinned', duration: 10, requires: [], weight: 1, pinnedTo: 'uv' },
        { id: 'ghost', duration: 10, requires: [], weight: 1, pinnedTo: 'nowhere' },
        { id: 'wrong', duration: 10, requires: ['offset'], weight: 1, pinnedTo: 'bench' },
        { id: 'too-long', duration: 90, requires: ['finish'], weight: 1 },
        { id: 'broken', duration: Number.NaN, requires: [], weight: 1 },
      ],
    });
    expect(Object.fromEntries(schedule.unscheduled.map((u) => [u.jobId, u.reason]))).toEqual({
      laser: 'no-compatible-machine',
      'uv-job': 'no-machine-up',
      pinned: 'pinned-machine-down',
      ghost: 'pinned-machine-unknown',
      wrong: 'pinned-machine-incompatible',
      'too-long': 'no-working-time',
      broken: 'invalid-job',
    });
    expect(schedule.jobs).toEqual([]);
  });
});

describe('operator overrides and running jobs', () => {
  const problem: SchedulingProblem = {
    now: 10,
    machines: [
      { id: 'A', capabilities: [], lockedSequence: ['late', 'early'] },
      { id: 'B', capabilities: [] },
    ],
    jobs: [
      { id: 'run', duration: 30, requires: [], weight: 1, setupFamily: 'red' },
      { id: 'early', duration: 10, requires: [], weight: 5, due: 20 },
      { id: 'late', duration: 10, requires: [], weight: 1, due: 500 },
      { id: 'other', duration: 10, requires: [], weight: 1, due: 40 },
    ],
    running: [{ jobId: 'run', machineId: 'B', start: 0 }],
  };

  it('keeps a running job where it is and a locked sequence in its order', () => {
    const schedule = solveSchedule(problem);
    expect(schedule.machines.map((m) => m.queue.map((p) => [p.jobId, p.start, p.end]))).toEqual([
      [
        ['late', 10, 20],
        ['early', 20, 30],
        ['other', 30, 40],
      ],
      [['run', 0, 30]],
    ]);
  });

  it('keeps a running job on a machine whose calendar has no time left, and queues nothing after it', () => {
    const schedule = solveSchedule({
      now: 10,
      machines: [{ id: 'A', capabilities: [], calendar: { windows: [[0, 20]] } }],
      jobs: [
        { id: 'run', duration: 30, requires: [], weight: 1 },
        { id: 'next', duration: 5, requires: [], weight: 1 },
      ],
      running: [{ jobId: 'run', machineId: 'A', start: 0 }],
    });
    expect(schedule.jobs).toMatchObject([{ jobId: 'run', start: 0, end: 30, running: true }]);
    expect(schedule.unscheduled).toMatchObject([{ jobId: 'next', reason: 'no-working-time' }]);
  });

  it('auto-assigns a new job to the compatible machine that finishes it soonest', () => {
    const schedule = solveSchedule(problem);
    const assignment = autoAssign({ problem, schedule, job: { id: 'new', duration: 20, requires: [], weight: 1 } });
    expect(assignment).toEqual({ ok: true, machineId: 'B', start: 30, end: 50 });
    expect(autoAssign({ problem, schedule, job: { id: 'x', duration: 5, requires: ['laser'], weight: 1 } })).toMatchObject({ ok: false, reason: 'no-compatible-machine' });
  });

  it('pulls work onto a machine that finished early and reports the ETA changes', () => {
    const previous = solveSchedule(problem);
    const result = reschedule({ problem, previous, event: { type: 'job-finished', jobId: 'run', at: 12 } });
    expect(result.schedule.now).toBe(12);
    expect(result.etaChanges).toContainEqual({ jobId: 'run', before: 30, after: null });
    expect(result.schedule.jobs.find((p) => p.jobId === 'other')).toMatchObject({ machineId: 'B', start: 12, end: 22 });
  });
});
