import { describe, expect, it } from 'vitest';
import { solveSchedule } from '@pressline/core/domain';
import { parseScheduleInput } from './schedule-input.ts';
import { scheduleJson } from './schedule-output.ts';

const input = {
  now: 0,
  machines: [
    { id: 'press-1', capabilities: ['offset', 'sra3'] },
    { id: 'press-2', capabilities: ['offset'], calendar: { windows: [[0, 480]], repeatEvery: 1440 } },
  ],
  jobs: [
    { id: 'a', duration: 120, requires: ['offset'], due: 200, weight: 1, setupFamily: 'cmyk' },
    { id: 'b', duration: 600, requires: ['offset'], due: 900, weight: 5, setupFamily: 'pms' },
    { id: 'c', duration: 60, requires: ['sra3'], due: 100, weight: 10, setupFamily: 'cmyk', release: 30 },
    { id: 'd', duration: 60, requires: ['laser'], due: 100, weight: 1 },
  ],
  setupMatrix: { cmyk: { pms: 30 }, pms: { cmyk: 20 } },
};

function run(value: unknown) {
  const parsed = parseScheduleInput(JSON.stringify(value));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return scheduleJson(solveSchedule(parsed.problem, { maxSteps: 500 }));
}

describe('pressline schedule input → output', () => {
  it('plans every placeable job once, with end - start = duration and the setup before start', () => {
    const out = run(input);
    expect(out.assignments.map((a) => a.jobId).sort()).toEqual(['a', 'b', 'c']);
    for (const a of out.assignments) {
      const job = input.jobs.find((j) => j.id === a.jobId)!;
      if (!a.segments) expect(a.end - a.start).toBe(job.duration);
      else expect(a.segments.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(job.duration);
    }
    const c = out.assignments.find((a) => a.jobId === 'c')!;
    expect(c.machineId).toBe('press-1');
    expect(c.start).toBeGreaterThanOrEqual(30);
    expect(out.unscheduled).toEqual([{ jobId: 'd', reason: 'no-compatible-machine', detail: 'no machine has all of: laser' }]);
    expect(out.metrics).toEqual({ makespan: 720, weightedTardiness: 0, setupTime: 30 });
  });

  it('lists the working segments of a job that continues in the next shift', () => {
    const out = run({ machines: [{ id: 'm', capabilities: [], calendar: { windows: [[0, 480]], repeatEvery: 1440 } }], jobs: [{ id: 'long', duration: 600 }] });
    expect(out.assignments).toEqual([{ jobId: 'long', machineId: 'm', start: 0, end: 1560, segments: [[0, 480], [1440, 1560]] }]);
  });

  it('names the field of every problem in bad input', () => {
    const parsed = parseScheduleInput(
      JSON.stringify({
        machines: [{ id: 'm', capabilities: [], calendar: { windows: [[50, 10]] } }, { id: 'm', capabilities: [] }],
        jobs: [{ id: 'x', duration: -1, colour: 'red' }],
      }),
    );
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.some((p) => p.startsWith('machines[0].calendar.windows[0]'))).toBe(true);
    expect(problems.some((p) => p.startsWith('machines[1].id') && p.includes('duplicate'))).toBe(true);
    expect(problems.some((p) => p.startsWith('jobs[0].duration'))).toBe(true);
    expect(problems.some((p) => p.startsWith('jobs[0]') && p.includes('colour'))).toBe(true);
    expect(parseScheduleInput('{ not json')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^not JSON/)] });
  });
});
