import { describe, expect, it } from 'vitest';
import { solveSchedule, verifySchedule } from '../scheduling/index.ts';
import { buildProblem, type PlanJob, type PlanMachine, type PlanProfile } from './build-problem.ts';
import { toAxisMinutes } from './time-axis.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');

const machine = (id: string, over: Partial<PlanMachine> = {}): PlanMachine => ({
  id,
  processes: ['digital_press'],
  materials: [],
  capabilities: [],
  maxSizeMm: null,
  timeFactor: 1,
  calendar: null,
  state: 'up',
  lockedSequence: null,
  manualOrder: [],
  ...over,
});
const profile = (over: Partial<PlanProfile> = {}): PlanProfile => ({
  process: 'digital_press',
  material: null,
  requiredCapabilities: [],
  setupFamily: null,
  timeModel: { setupMinutes: 10, minutesPerUnit: 1 },
  trimMm: null,
  ...over,
});
const job = (id: string, over: Partial<PlanJob> = {}): PlanJob => ({
  id,
  quantity: 10,
  profile: profile(),
  dueMs: null,
  rush: false,
  priority: 1,
  pinnedMachineId: null,
  running: null,
  ...over,
});

const compatible = (machines: PlanMachine[], j: PlanJob) => {
  const { problem } = buildProblem({ nowMs: NOW, machines, jobs: [j], setupMatrix: {} });
  const requires = problem.jobs[0]!.requires;
  return problem.machines.filter((m) => requires.every((r) => m.capabilities.includes(r))).map((m) => m.id);
};

describe('the scheduler\'s problem from a shop\'s rows', () => {
  it('matches process, material, capabilities and sheet size', () => {
    const machines = [
      machine('press-any'),
      machine('press-coated', { materials: ['Coated 350gsm'] }),
      machine('press-small', { maxSizeMm: { width: 100, height: 150 } }),
      machine('press-white', { capabilities: ['White ink'] }),
      machine('laser', { processes: ['laser'] }),
    ];
    expect(compatible(machines, job('a'))).toEqual(['press-any', 'press-coated', 'press-small', 'press-white']);
    // A machine that lists no materials takes any; one that lists some takes only those.
    expect(compatible(machines, job('b', { profile: profile({ material: 'coated 350GSM' }) }))).toEqual(['press-any', 'press-coated', 'press-small', 'press-white']);
    expect(compatible(machines, job('c', { profile: profile({ material: 'Kraft' }) }))).toEqual(['press-any', 'press-small', 'press-white']);
    expect(compatible(machines, job('d', { profile: profile({ requiredCapabilities: ['white ink'] }) }))).toEqual(['press-white']);
    // A4 fits nowhere 100 × 150; 150 × 100 fits turned.
    expect(compatible(machines, job('e', { profile: profile({ trimMm: { width: 210, height: 297 } }) }))).toEqual(['press-any', 'press-coated', 'press-white']);
    expect(compatible(machines, job('f', { profile: profile({ trimMm: { width: 150, height: 100 } }) }))).toContain('press-small');
  });

  it('keeps a job without a production profile out of the plan, saying why', () => {
    const built = buildProblem({ nowMs: NOW, machines: [machine('m')], jobs: [job('a', { profile: null }), job('b')], setupMatrix: {} });
    expect(built.problem.jobs.map((j) => j.id)).toEqual(['b']);
    expect(built.unplannable).toEqual([{ jobId: 'a', reason: 'no-production-profile', detail: expect.stringContaining('production profile') }]);
  });

  it('maps due dates, rush, pins, running jobs, locks and the slowest compatible machine\'s speed', () => {
    const built = buildProblem({
      nowMs: NOW + 30_000,
      machines: [machine('fast'), machine('slow', { timeFactor: 2, lockedSequence: ['gone', 'c', 'b'], manualOrder: ['a'] }), machine('laser', { processes: ['laser'], timeFactor: 5, state: 'maintenance' })],
      jobs: [
        job('a', { dueMs: NOW + 3_600_000, rush: true, priority: 2 }),
        job('b', { pinnedMachineId: 'fast' }),
        job('c', { running: { machineId: 'slow', startMs: NOW - 600_000 } }),
        job('d', { running: { machineId: 'deleted-machine', startMs: NOW } }),
      ],
      setupMatrix: { a: { b: 5 } },
    });
    const now = toAxisMinutes(NOW);
    expect(built.problem.now).toBe(now);
    const a = built.problem.jobs.find((j) => j.id === 'a')!;
    expect(a).toMatchObject({ due: now + 60, weight: 20, duration: 40 });
    expect(built.durations.get('a')).toEqual({ minutes: 40, source: 'profile' });
    expect(built.problem.jobs.find((j) => j.id === 'b')!.pinnedTo).toBe('fast');
    expect(built.problem.running).toEqual([{ jobId: 'c', machineId: 'slow', start: now - 10 }]);
    const slow = built.problem.machines.find((m) => m.id === 'slow')!;
    // The running job and jobs no longer open leave the lock.
    expect(slow.lockedSequence).toEqual(['b']);
    expect(slow.manualOrder).toEqual(['a']);
    expect(built.problem.machines.find((m) => m.id === 'laser')!.state).toBe('down');
    expect(built.problem.setupMatrix).toEqual({ a: { b: 5 } });
  });

  it('gives the solver a problem whose plan passes its own checks', () => {
    const built = buildProblem({
      nowMs: NOW,
      machines: [
        machine('p1', { calendar: { shifts: [{ days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' }] } }),
        machine('p2', { calendar: { utcOffsetMinutes: 60, shifts: [{ days: [0, 1, 2, 3, 4, 5], from: '06:00', to: '22:00' }] } }),
        machine('fdm', { processes: ['fdm'] }),
      ],
      jobs: Array.from({ length: 30 }, (_, i) =>
        job(`j${i}`, { quantity: 10 + i * 7, profile: profile({ process: i % 5 === 0 ? 'fdm' : 'digital_press', setupFamily: `f${i % 3}` }), dueMs: NOW + i * 3_600_000 }),
      ),
      setupMatrix: { f0: { f1: 15, f2: 30 }, f1: { f0: 15 } },
    });
    const schedule = solveSchedule(built.problem, { maxSteps: 200 });
    expect(schedule.unscheduled).toEqual([]);
    expect(verifySchedule(built.problem, schedule).violations).toEqual([]);
  });
});

describe('3D parts and build volumes', () => {
  const printer = (id: string, volume: { x: number; y: number; z: number }) => machine(id, { processes: ['fdm'], maxSizeMm: volume });
  const print = (id: string, parts: PlanJob['partsMm']) => job(id, { profile: profile({ process: 'fdm' }), partsMm: parts });

  it('plans a part only on a printer whose build volume holds it, laid on any side', () => {
    const machines = [printer('small', { x: 200, y: 200, z: 200 }), printer('flat', { x: 250, y: 210, z: 180 }), printer('big', { x: 300, y: 300, z: 300 })];
    const { problem } = buildProblem({
      nowMs: NOW,
      machines,
      jobs: [print('tall-vase', [{ x: 60, y: 60, z: 210 }]), print('helmet', [{ x: 260, y: 240, z: 220 }]), print('two-parts', [{ x: 50, y: 50, z: 50 }, { x: 190, y: 190, z: 240 }])],
      setupMatrix: {},
    });
    const schedule = solveSchedule(problem, { seed: 1 });
    expect(verifySchedule(problem, schedule).violations).toEqual([]);
    const allowed = (jobId: string) => machines.filter((m) => problem.jobs.find((j) => j.id === jobId)!.requires.every((r) => problem.machines.find((pm) => pm.id === m.id)!.capabilities.includes(r))).map((m) => m.id);
    // 210 mm tall fits the flat printer lying down (its 250 mm side), not the 200 mm cube.
    expect(allowed('tall-vase')).toEqual(['flat', 'big']);
    expect(allowed('helmet')).toEqual(['big']);
    // Every part of a job must fit.
    expect(allowed('two-parts')).toEqual(['big']);
    expect(schedule.jobs.find((planned) => planned.jobId === 'helmet')!.machineId).toBe('big');
  });

  it('sets a part no printer holds aside, saying what it needs', () => {
    const { problem } = buildProblem({ nowMs: NOW, machines: [printer('small', { x: 200, y: 200, z: 200 })], jobs: [print('statue', [{ x: 120, y: 120, z: 480 }])], setupMatrix: {} });
    const schedule = solveSchedule(problem, { seed: 1 });
    expect(schedule.unscheduled).toEqual([{ jobId: 'statue', reason: 'no-compatible-machine', detail: expect.stringContaining('fits-part:120x120x480') }]);
  });

  it('does not hold a part to a flat bed or an unstated size', () => {
    const { problem } = buildProblem({ nowMs: NOW, machines: [machine('bench', { processes: ['fdm'] })], jobs: [print('bracket', [{ x: 900, y: 900, z: 900 }])], setupMatrix: {} });
    expect(solveSchedule(problem, { seed: 1 }).jobs.map((planned) => planned.machineId)).toEqual(['bench']);
  });
});
