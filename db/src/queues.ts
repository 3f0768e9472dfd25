/**
 * Queue names and their retry policies. The API enqueues by these names through the
 * pg-boss factory; the workers subscribe to them. Created by `migrate` (as the owner).
 */
export const queues = {
  intake: {
    name: 'intake-delivery',
    // notify: a new delivery wakes an idle worker at once instead of at its next poll.
    // A killed worker's job is retried once its heartbeat lapses (10 s, the least pg-boss allows), not after the expiry.
    options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 300, heartbeatSeconds: 10, notify: true },
  },
  /** Reads one shop's changed orders back from its platform (singleton per shop). */
  reconcileShop: {
    name: 'reconcile-shop',
    options: { retryLimit: 5, retryDelay: 30, retryBackoff: true, retryDelayMax: 1800, expireInSeconds: 900, heartbeatSeconds: 30 },
  },
  /**
   * Fetches (when linked) and checks one file of one job. Inspection runs in a worker
   * thread with its own time budget, so the queue's expiry only bounds a stuck fetch.
   */
  preflightFile: {
    name: 'preflight-file',
    options: { retryLimit: 6, retryDelay: 10, retryBackoff: true, retryDelayMax: 900, expireInSeconds: 600, heartbeatSeconds: 10, notify: true },
  },
  /** Re-checks a shop's unfinished jobs' files after its production profiles changed. */
  preflightRecheck: {
    name: 'preflight-recheck',
    // short: at most one waiting re-check per shop (singleton key), however many edits.
    options: { policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
  },
  /** Re-plans one shop's live schedule after a change (jobs, machines, due dates, pins). */
  planShop: {
    name: 'plan-shop',
    // short: at most one waiting re-plan per shop (singleton key); the plan reads the current state.
    options: { policy: 'short', retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  },
  /**
   * Relays one outbox effect (status push, fulfillment, e-mail, outgoing webhook). The
   * relay schedules its own retries (backoff with jitter, a platform's Retry-After) as new
   * jobs; pg-boss's retries only cover a crashed or throwing handler.
   */
  outboxRelay: {
    name: 'outbox-relay',
    options: { retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 300, heartbeatSeconds: 10, notify: true },
  },
  /** The schedule's tick: enqueues a reconcile-shop job for every connected shop. */
  reconcileAll: {
    name: 'reconcile-all',
    options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 300 },
  },
  /** The schedule's tick: re-plans every shop with machines, so plans and ETAs follow the clock while nothing else changes. */
  replanAll: {
    name: 'replan-all',
    options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 300 },
  },
} as const;

/**
 * How often every shop's plan is refreshed without a change to trigger it: a job that ran
 * longer than planned, or a shift that ended, moves what follows and the ETAs with it.
 */
export const REPLAN_SCHEDULE = '*/10 * * * *';

/** How often every shop is reconciled: deliveries may be late or lost, this bounds the delay. */
export const RECONCILE_SCHEDULE = '*/15 * * * *';

export type QueueName = (typeof queues)[keyof typeof queues]['name'];

export const DEAD_LETTER_QUEUE = 'dead-letter';
