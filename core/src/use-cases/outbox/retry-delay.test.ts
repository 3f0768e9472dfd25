import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay.ts';

describe('retryDelayMs', () => {
  const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000 };
  it('grows exponentially, jittered within the upper half of each step, and is capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, random) => {
        const step = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
        const delay = retryDelayMs(attempt, policy, random);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
    expect(retryDelayMs(1, policy, 1)).toBe(1_000);
    expect(retryDelayMs(3, policy, 1)).toBe(4_000);
  });
});
