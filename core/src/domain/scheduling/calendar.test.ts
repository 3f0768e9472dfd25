import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, compileCalendar, fitWhole, snap } from './calendar.ts';

/** Minute-by-minute truth for integer windows: is [t, t + 1) working? */
function working(windows: Array<[number, number]>, closed: Array<[number, number]>, t: number): boolean {
  return windows.some(([s, e]) => s <= t && t < e) && !closed.some(([s, e]) => s <= t && t < e);
}

const intervals = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 })).map(([s, len]): [number, number] => [s, s + len]),
  { maxLength: 6 },
);

describe('working calendar arithmetic', () => {
  it('advances by exactly the working minutes, counted minute by minute', () => {
    fc.assert(
      fc.property(intervals, intervals, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 200 }), (windows, closed, t, minutes) => {
        const cal = compileCalendar({ windows, closed }, { from: 0, latest: 0, work: 0 });
        const end = advance(cal, t, minutes);
        let counted = 0;
        let u = t;
        while (counted < minutes && u < 400) if (working(windows, closed, u++)) counted += 1;
        if (counted < minutes) expect(end).toBe(Infinity);
        else expect(end).toBe(u);
        const start = snap(cal, t);
        let first = t;
        while (first < 400 && !working(windows, closed, first)) first += 1;
        expect(start).toBe(first < 400 ? first : Infinity);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the first window a whole job fits in', () => {
    fc.assert(
      fc.property(intervals, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 80 }), (windows, t, minutes) => {
        const cal = compileCalendar({ windows }, { from: 0, latest: 0, work: 0 });
        const start = fitWhole(cal, t, minutes);
        let expected = Infinity;
        for (let s = t; s < 400 && expected === Infinity; s++) {
          let fits = true;
          for (let u = s; u < s + minutes && fits; u++) fits = working(windows, [], u);
          if (fits) expected = s;
        }
        expect(start).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('repeats a shift pattern far enough for all the work after the latest release', () => {
    const cal = compileCalendar({ windows: [[0, 480]], repeatEvery: 1440, closed: [[1440, 2880]] }, { from: 0, latest: 5000, work: 2000 });
    expect(advance(cal, 0, 960)).toBe(2880 + 480);
    expect(advance(cal, 5000, 2000)).toBeLessThan(Infinity);
  });
});
