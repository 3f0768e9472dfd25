import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from './compile-problem.ts';
import { MachineLine } from './machine-line.ts';
import type { SchedulingProblem } from './scheduling-types.ts';

/** One machine, all jobs on it, and a random replacement of positions [a, b). */
const caseArb = fc
  .record({
    calendar: fc.boolean(),
    jobs: fc.array(
      fc.record({
        duration: fc.integer({ min: 0, max: 40 }),
        due: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        weight: fc.integer({ min: 0, max: 4 }),
        family: fc.constantFrom('x', 'y', 'z'),
        release: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    setups: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 9, maxLength: 9 }),
    cut: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
    bound: fc.option(fc.integer({ min: -50, max: 200 }), { nil: undefined }),
  })
  .map(({ calendar, jobs, setups, cut, bound }) => {
    const fams = ['x', 'y', 'z'];
    const problem: SchedulingProblem = {
      now: 5,
      machines: [{ id: 'm', capabilities: [], ...(calendar ? { calendar: { windows: [[0, 50]] as Array<[number, number]>, repeatEvery: 80 } } : {}) }],
      jobs: jobs.map((j, i) => ({ id: `J${i}`, duration: j.duration, requires: [], ...(j.due !== undefined ? { due: j.due } : {}), weight: j.weight, setupFamily: j.family, ...(j.release !== undefined ? { release: j.release } : {}) })),
      setupMatrix: Object.fromEntries(fams.map((f, a) => [f, Object.fromEntries(fams.map((g, b) => [g, setups[a * 3 + b]!]))])),
    };
    return { problem, cut, bound };
  });

describe('MachineLine.evaluate', () => {
  it('predicts the cost change and last end of any replacement exactly (or says it exceeds the bound)', () => {
    fc.assert(
      fc.property(caseArb, ({ problem, cut, bound }) => {
        const model = compileProblem(problem);
        const where = new Int32Array(model.n);
        const pos = new Int32Array(model.n);
        const line = new MachineLine(model, 0);
        // Start with a prefix of the jobs; the replacement may bring in the others or reorder.
        const all = [...Array(model.n).keys()];
        const inLine = all.slice(0, Math.max(1, model.n - (cut[2] % 3)));
        line.seq = inLine;
        line.recompute(where, pos);
        const len = line.seq.length;
        const a = cut[0] % (len + 1);
        const b = a + (cut[1] % (len - a + 1));
        const outside = all.filter((j) => !inLine.includes(j));
        const replacement = [...line.seq.slice(a, b).reverse(), ...outside];
        const delta = line.evaluate(a, b, Int32Array.from(replacement), replacement.length, bound ?? Infinity);
        const predictedLast = line.outLast;

        const fresh = new MachineLine(model, 0);
        fresh.seq = [...line.seq.slice(0, a), ...replacement, ...line.seq.slice(b)];
        fresh.recompute(where, pos);
        const truth = fresh.cost - line.cost;
        if (delta === Infinity) {
          expect(truth > (bound ?? Infinity) || fresh.cost === Infinity).toBe(true);
        } else {
          expect(delta).toBeCloseTo(truth, 6);
          expect(predictedLast).toBeCloseTo(fresh.last, 6);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
