import type { ConnectorResult } from '../../contract.ts';
import type { QueryCost } from './translate-error.ts';

/**
 * Paces calls to one shop's GraphQL Admin API by Shopify's own cost bucket.
 *
 * Hand-written on purpose: bottleneck, p-queue and p-limit count requests (or weights
 * fixed before the call) against a reservoir they refill on their own timer. Shopify's
 * bucket is different: a query's cost is only known from the response, the bucket size
 * and restore rate depend on the shop's plan (100–2000 points/s), and the bucket is
 * shared with every other process of the app calling that shop. So this limiter keeps
 * no budget of its own; it follows what Shopify reports in `extensions.cost`:
 *
 * - before a call, if the last reported bucket (restored for the time since) cannot
 *   hold what this operation last cost, it waits for the difference;
 * - on a `throttled` answer (THROTTLED or 429, which Shopify rejects before running,
 *   so retrying is safe even for mutations) it holds every call to that shop for
 *   `retryAfterMs` and retries, at most `maxRetries` times, then hands the `throttled`
 *   failure back so the outbox relay retries later.
 */
export interface ShopRateLimiter {
  run<T>(shop: string, operation: string, attempt: () => Promise<Attempt<T>>): Promise<ConnectorResult<T>>;
}

export interface Attempt<T> {
  result: ConnectorResult<T>;
  /** What the response said about the bucket, when it said anything. */
  cost: QueryCost | null;
}

export interface ShopRateLimiterOptions {
  /** Retries after a throttled answer before giving up; default 3. */
  maxRetries?: number;
  /** Injectable for tests; defaults to a setTimeout promise. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests; defaults to Date.now. */
  now?: () => number;
}

interface ShopState {
  /** The bucket as last reported, and when. */
  bucket: { available: number; maximum: number; restoreRate: number; at: number } | null;
  blockedUntil: number;
  /** The requested cost each operation last reported. */
  lastCost: Map<string, number>;
}

export function createShopRateLimiter(options: ShopRateLimiterOptions = {}): ShopRateLimiter {
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const shops = new Map<string, ShopState>();

  const stateOf = (shop: string): ShopState => {
    let state = shops.get(shop);
    if (!state) {
      state = { bucket: null, blockedUntil: 0, lastCost: new Map() };
      shops.set(shop, state);
    }
    return state;
  };

  const observe = (state: ShopState, operation: string, cost: QueryCost | null) => {
    if (!cost) return;
    const { currentlyAvailable, maximumAvailable, restoreRate } = cost.throttleStatus;
    state.bucket = { available: currentlyAvailable, maximum: maximumAvailable, restoreRate, at: now() };
    state.lastCost.set(operation, cost.requestedQueryCost);
  };

  const waitBefore = (state: ShopState, operation: string): number => {
    const t = now();
    let wait = state.blockedUntil - t;
    const needed = state.lastCost.get(operation);
    if (state.bucket && needed !== undefined) {
      const { available, maximum, restoreRate, at } = state.bucket;
      const restored = Math.min(maximum, available + ((t - at) / 1000) * restoreRate);
      if (needed > restored) wait = Math.max(wait, Math.ceil(((needed - restored) / restoreRate) * 1000));
    }
    return Math.max(0, wait);
  };

  return {
    async run(shop, operation, attempt) {
      const state = stateOf(shop);
      for (let retry = 0; ; retry += 1) {
        const wait = waitBefore(state, operation);
        if (wait > 0) await sleep(wait);
        const { result, cost } = await attempt();
        observe(state, operation, cost);
        if (result.ok || result.reason !== 'throttled') return result;
        state.blockedUntil = Math.max(state.blockedUntil, now() + result.retryAfterMs);
        if (retry >= maxRetries) return result;
      }
    },
  };
}
