import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reschedule, type ScheduleEvent } from './reschedule.ts';
import type { SchedulingJob, SchedulingMachine, SchedulingProblem } from './scheduling-types.ts';
import { solveSchedule } from './solve-schedule.ts';
import { verifySchedule } from './verify-schedule.ts';

const CAPS = ['offset', 'uv', 'laser'];
const FAMILIES = ['x', 'y', 'z'];

const calendarArb = fc.oneof(
  fc.constant(undefined),
  // A shift pattern repeating every 100 minutes.
  fc.record({ windows: fc.constantFrom<Array<[number, number]>>([[0, 60]], [[10, 40], [50, 90]], [[0, 100]]), repeatEvery: fc.constant(100) }),
  // Finite working time: some jobs may find none.
  fc.record({ windows: fc.constantFrom<Array<[number, number]>>([[0, 200]], [[20, 80], [150, 400]]) }),
);

const problemArb: fc.Arbitrary<SchedulingProblem> = fc
  .record({
    machines: fc.array(
      fc.record({
        capabilities: fc.subarray(CAPS),
        calendar: calendarArb,
        down: fc.integer({ min: 0, max: 6 }).map((x) => x === 0),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    jobs: fc.array(
      fc.record({
        duration: fc.integer({ min: 0, max: 70 }),
        requires: fc.subarray(CAPS, { maxLength: 2 }),
        due: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        weight: fc.integer({ min: 0, max: 5 }),
        family: fc.constantFrom(...FAMILIES),
        release: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
        pin: fc.option(fc.nat(5), { freq: 5, nil: undefined }),
        whole: fc.boolean(),
      }),
      { maxLength: 14 },
    ),
    setups: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 9, maxLength: 9 }),
    lock: fc.array(fc.nat(20), { maxLength: 3 }),
    manual: fc.array(fc.nat(20), { maxLength: 3 }),
    running: fc.boolean(),
    now: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ machines, jobs, setups, lock, manual, running, now }) => {
    const ms: SchedulingMachine[] = machines.map((m, i) => ({
      id: `M${i}`,
      capabilities: m.capabilities,
      ...(m.calendar ? { calendar: m.calendar } : {}),
      ...(m.down ? { state: 'down' as const } : {}),
    }));
    const js: SchedulingJob[] = jobs.map((j, i) => ({
      id: `J${i}`,
      duration: j.duration,
      requires: j.requires,
      ...(j.due !== undefined ? { due: j.due } : {}),
      weight: j.weight,
      setupFamily: j.family,
      ...(j.release !== undefined ? { release: j.release } : {}),
      ...(j.pin !== undefined ? { pinnedTo: `M${j.pin}` } : {}),
      ...(j.whole ? { splittable: false } : {}),
    }));
    if (ms[0]) ms[0] = { ...ms[0], lockedSequence: lock.map((k) => `J${k}`) };
    const last = ms.length - 1;
    ms[last] = { ...ms[last]!, manualOrder: manual.map((k) => `J${k}`) };
    const setupMatrix: Record<string, Record<string, number>> = {};
    FAMILIES.forEach((f, a) => (setupMatrix[f] = Object.fromEntries(FAMILIES.map((g, b) => [g, setups[a * 3 + b]!]))));
    const first = js[0];
    const runningJobs = running && first && first.requires.length === 0 ? [{ jobId: first.id, machineId: ms[0]!.id, start: 0 }] : [];
    return { now, machines: ms, jobs: js, setupMatrix, running: runningJobs };
  });

describe('solveSchedule on random small instances', () => {
  it('respects every hard constraint and accounts for every job', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(), (problem, seed) => {
        const schedule = solveSchedule(problem, { seed, maxSteps: 150 });
        expect(verifySchedule(problem, schedule).violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports metrics that a plain recomputation from the assignments confirms', () => {
    fc.assert(
      fc.property(problemArb, (problem) => {
        const schedule = solveSchedule(problem, { maxSteps: 100 });
        const { metrics } = verifySchedule(problem, schedule);
        expect(schedule.metrics.weightedTardiness).toBeCloseTo(metrics.weightedTardiness, 6);
        expect(schedule.metrics.setupTime).toBeCloseTo(metrics.setupTime, 6);
        expect(schedule.metrics.makespan).toBeCloseTo(metrics.makespan, 6);
        expect(schedule.metrics.objective).toBeCloseTo(metrics.weightedTardiness + metrics.setupTime, 6);
      }),
      { numRuns: 150 },
    );
  });

  it('never ends with a worse objective than the dispatch rule it starts from', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(), (problem, seed) => {
        const dispatched = solveSchedule(problem, { improve: false });
        const improved = solveSchedule(problem, { seed, maxSteps: 200 });
        const scale = Math.max(1, dispatched.metrics.objective) * 1e-9;
        expect(improved.metrics.objective).toBeLessThanOrEqual(dispatched.metrics.objective + scale);
        if (Math.abs(improved.metrics.objective - dispatched.metrics.objective) <= scale) {
          expect(improved.metrics.balance).toBeLessThanOrEqual(dispatched.metrics.balance * (1 + 1e-9) + 1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('after a machine goes down, leaves nothing queued on it and stays feasible', () => {
    fc.assert(
      fc.property(problemArb, fc.nat(3), (problem, pick) => {
        const previous = solveSchedule(problem, { maxSteps: 100 });
        const machineId = problem.machines[pick % problem.machines.length]!.id;
        const { problem: next, schedule, etaChanges } = reschedule({ problem, previous, event: { type: 'machine-down', machineId } });
        expect(schedule.jobs.filter((p) => p.machineId === machineId)).toEqual([]);
        expect(verifySchedule(next, schedule).violations).toEqual([]);
        // Every job whose planned end moved is reported, and only those.
        const before = new Map(previous.jobs.map((p) => [p.jobId, p.end]));
        const moved = schedule.jobs.filter((p) => before.get(p.jobId) !== p.end).map((p) => p.jobId);
        const dropped = previous.jobs.filter((p) => !schedule.jobs.some((q) => q.jobId === p.jobId)).map((p) => p.jobId);
        expect(etaChanges.map((c) => c.jobId).sort()).toEqual([...moved, ...dropped].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('stays feasible through a chain of events', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 0, max: 400 }), (problem, due) => {
        let current = problem;
        let schedule = solveSchedule(problem, { maxSteps: 50 });
        const firstJob = problem.jobs[0];
        const events: ScheduleEvent[] = [
          { type: 'job-added' as const, job: { id: 'NEW', duration: 25, requires: [], due: 90, weight: 4, setupFamily: 'y' } },
          ...(firstJob ? [{ type: 'due-date-changed' as const, jobId: firstJob.id, due }] : []),
          { type: 'machine-up' as const, machineId: problem.machines[0]!.id },
          ...(schedule.jobs[0] ? [{ type: 'job-finished' as const, jobId: schedule.jobs[0].jobId, at: problem.now + 5 }] : []),
        ];
        const queued = schedule.jobs.find((p) => !p.running && p.sequence === 0);
        if (queued) {
          events.push({ type: 'job-started' as const, jobId: queued.jobId, machineId: queued.machineId, at: problem.now + 6 });
          events.push({ type: 'job-overrunning' as const, jobId: queued.jobId, expectedEnd: problem.now + 500 });
        }
        const last = schedule.jobs[schedule.jobs.length - 1];
        if (last) events.push({ type: 'job-removed' as const, jobId: last.jobId });
        for (const event of events) {
          const result = reschedule({ problem: current, previous: schedule, event });
          current = result.problem;
          schedule = result.schedule;
          expect(verifySchedule(current, schedule).violations).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
