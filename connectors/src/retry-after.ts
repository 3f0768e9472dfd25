/**
 * The least a throttled caller is told to wait. A platform's "Retry-After: 0", or a
 * Retry-After date already past, must not turn into a tight loop of retries.
 */
export const MIN_RETRY_AFTER_MS = 1000;

export function atLeastMinimumDelay(ms: number): number {
  return Math.max(MIN_RETRY_AFTER_MS, Math.ceil(ms));
}
