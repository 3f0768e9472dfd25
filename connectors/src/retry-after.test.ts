import { describe, expect, it } from 'vitest';
import { atLeastMinimumDelay, MIN_RETRY_AFTER_MS } from './retry-after.ts';

describe('atLeastMinimumDelay', () => {
  it('never lets a throttled caller retry at once', () => {
    expect(atLeastMinimumDelay(0)).toBe(MIN_RETRY_AFTER_MS);
    expect(atLeastMinimumDelay(-5000)).toBe(MIN_RETRY_AFTER_MS);
    expect(atLeastMinimumDelay(2500.2)).toBe(2501);
  });
});
