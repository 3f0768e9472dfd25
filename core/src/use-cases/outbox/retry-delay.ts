export interface OutboxPolicy {
  /** Attempts (sends that failed for a reason other than throttling) before an effect is dead-lettered. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A platform call that has not answered by then counts as an ambiguous failure. */
  callTimeoutMs: number;
}

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 3_600_000, callTimeoutMs: 30_000 };

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so
 * effects that failed together (a platform outage) do not all come back at once.
 */
export function retryDelayMs(attempt: number, policy: Pick<OutboxPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random)));
}
