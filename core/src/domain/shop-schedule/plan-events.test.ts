import { describe, expect, it } from 'vitest';
import type { SchedulingProblem } from '../scheduling/index.ts';
import { eventsBetween } from './plan-events.ts';

const base: SchedulingProblem = {
  now: 100,
  machines: [
    { id: 'm1', capabilities: ['process:fdm'], state: 'up' },
    { id: 'm2', capabilities: ['process:fdm'], state: 'up' },
  ],
  jobs: [
    { id: 'a', duration: 30, requires: ['process:fdm'], weight: 1, due: 500 },
    { id: 'b', duration: 60, requires: ['process:fdm'], weight: 1 },
    { id: 'c', duration: 10, requires: ['process:fdm'], weight: 1 },
  ],
  running: [{ jobId: 'c', machineId: 'm2', start: 90 }],
};

describe('the events between two plans', () => {
  it('finds machine state changes, new, finished, removed and started jobs and due dates', () => {
    const next: SchedulingProblem = {
      ...base,
      now: 130,
      machines: [{ ...base.machines[0]!, state: 'down' }, base.machines[1]!],
      jobs: [{ ...base.jobs[0]!, due: 800 }, { id: 'd', duration: 5, requires: ['process:fdm'], weight: 10 }],
      running: [{ jobId: 'd', machineId: 'm2', start: 125 }],
    };
    expect(eventsBetween(base, next)).toEqual([
      { type: 'job-removed', jobId: 'b' },
      { type: 'job-finished', jobId: 'c', at: 130 },
      { type: 'machine-down', machineId: 'm1' },
      { type: 'job-added', job: next.jobs[1] },
      { type: 'job-started', jobId: 'd', machineId: 'm2', at: 125 },
      { type: 'due-date-changed', jobId: 'a', due: 800 },
    ]);
    expect(eventsBetween(base, { ...base, now: 140 })).toEqual([]);
    expect(eventsBetween(base, { ...base, jobs: [{ id: 'a', duration: 30, requires: ['process:fdm'], weight: 1 }, ...base.jobs.slice(1)] })).toEqual([
      { type: 'due-date-changed', jobId: 'a', due: null },
    ]);
  });

  it('places a job changed otherwise (pin, rush, duration) afresh', () => {
    const pinned = { ...base.jobs[0]!, pinnedTo: 'm1', weight: 10 };
    expect(eventsBetween(base, { ...base, jobs: [pinned, ...base.jobs.slice(1)] })).toEqual([
      { type: 'job-removed', jobId: 'a' },
      { type: 'job-added', job: pinned },
    ]);
  });

  it('asks for a full solve when a machine changes otherwise or a running job moves', () => {
    const changes: SchedulingProblem[] = [
      { ...base, machines: [...base.machines, { id: 'm3', capabilities: [] }] },
      { ...base, machines: [{ ...base.machines[0]!, manualOrder: ['a', 'b'] }, base.machines[1]!] },
      { ...base, machines: [{ ...base.machines[0]!, calendar: { windows: [[0, 480]], repeatEvery: 1440 } }, base.machines[1]!] },
      { ...base, setupMatrix: { x: { y: 1 } } },
      { ...base, running: [{ jobId: 'c', machineId: 'm1', start: 90 }] },
    ];
    for (const next of changes) expect(eventsBetween(base, next)).toBeNull();
  });
});
