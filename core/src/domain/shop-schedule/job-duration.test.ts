import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_MODEL, jobDuration, MAX_JOB_MINUTES, parseTimeModel } from './job-duration.ts';

describe('job durations from time models', () => {
  it('is setup plus quantity times the per-unit minutes, area and volume included, times the machine factor', () => {
    expect(jobDuration({ timeModel: { setupMinutes: 10, minutesPerUnit: 0.2 }, quantity: 500 })).toEqual({ minutes: 110, source: 'profile' });
    // 3 A2 posters (0.25 m² each) at 8 min/m² + 1 min each, setup 5.
    expect(jobDuration({ timeModel: { setupMinutes: 5, minutesPerUnit: 1, minutesPerSquareMeter: 8 }, quantity: 3, areaM2: 0.42 * 0.594 })).toEqual({ minutes: 14, source: 'profile' });
    expect(jobDuration({ timeModel: { setupMinutes: 0, minutesPerUnit: 0, minutesPerCubicCm: 2 }, quantity: 2, volumeCm3: 10 })).toEqual({ minutes: 40, source: 'profile' });
    expect(jobDuration({ timeModel: { setupMinutes: 10, minutesPerUnit: 1 }, quantity: 10, timeFactor: 1.5 })).toEqual({ minutes: 30, source: 'profile' });
    expect(jobDuration({ timeModel: { setupMinutes: 0, minutesPerUnit: 0.1 }, quantity: 3 }).minutes).toBe(1);
    expect(jobDuration({ timeModel: { setupMinutes: 0.3, minutesPerUnit: 0.1 }, quantity: 27 }).minutes).toBe(3);
  });

  it('says when it stands in for a missing time model', () => {
    expect(jobDuration({ timeModel: null, quantity: 100 })).toEqual({ minutes: DEFAULT_TIME_MODEL.setupMinutes + 100 * DEFAULT_TIME_MODEL.minutesPerUnit, source: 'default' });
  });

  it('is always a whole number of minutes from 1 to a year, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.record({ setupMinutes: fc.double({ min: 0, max: MAX_JOB_MINUTES, noNaN: true }), minutesPerUnit: fc.double({ min: 0, max: MAX_JOB_MINUTES, noNaN: true }) }),
        fc.oneof(fc.integer(), fc.double()),
        fc.oneof(fc.double(), fc.constant(undefined)),
        (timeModel, quantity, timeFactor) => {
          const { minutes } = jobDuration({ timeModel, quantity, ...(timeFactor === undefined ? {} : { timeFactor }) });
          expect(Number.isInteger(minutes)).toBe(true);
          expect(minutes).toBeGreaterThanOrEqual(1);
          expect(minutes).toBeLessThanOrEqual(MAX_JOB_MINUTES);
        },
      ),
    );
  });

  it('names the bad field of a time model', () => {
    expect(parseTimeModel({ setupMinutes: -1, minutesPerUnit: 'fast' })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^timeModel\.setupMinutes: /), expect.stringMatching(/^timeModel\.minutesPerUnit: /)],
    });
    expect(parseTimeModel({ setupMinutes: 5, minutesPerUnit: 1, extra: 1 })).toMatchObject({ ok: false });
    expect(parseTimeModel({ setupMinutes: 5, minutesPerUnit: 1 })).toEqual({ ok: true, timeModel: { setupMinutes: 5, minutesPerUnit: 1 } });
  });
});
