import { describe, expect, it } from 'vitest';
import type { ConnectorResult } from '../../contract.ts';
import { createShopRateLimiter, type Attempt } from './shop-rate-limiter.ts';
import type { QueryCost } from './translate-error.ts';

function harness(maxRetries = 3) {
  let now = 0;
  const sleeps: number[] = [];
  const limiter = createShopRateLimiter({
    maxRetries,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  return { limiter, sleeps, tick: (ms: number) => (now += ms) };
}

const cost = (requested: number, available: number): QueryCost => ({
  requestedQueryCost: requested,
  actualQueryCost: requested,
  throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 },
});

const ok = (c: QueryCost | null = null): Attempt<string> => ({ result: { ok: true, value: 'done' }, cost: c });
const throttled = (retryAfterMs: number): Attempt<string> => ({
  result: { ok: false, reason: 'throttled', retryAfterMs, message: 'throttled' },
  cost: null,
});

function scripted(...answers: Attempt<string>[]) {
  let calls = 0;
  return {
    attempt: async () => answers[Math.min(calls++, answers.length - 1)]!,
    calls: () => calls,
  };
}

describe('createShopRateLimiter', () => {
  it('retries a throttled attempt after the wait it was told', async () => {
    const { limiter, sleeps } = harness();
    const script = scripted(throttled(1500), ok());

    expect(await limiter.run('a.myshopify.com', 'Op', script.attempt)).toEqual({ ok: true, value: 'done' });
    expect(sleeps).toEqual([1500]);
  });

  it('returns the throttled failure once the retries are spent', async () => {
    const { limiter, sleeps } = harness(2);
    const script = scripted(throttled(700));

    const result: ConnectorResult<string> = await limiter.run('a.myshopify.com', 'Op', script.attempt);

    expect(result).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 700 });
    expect(script.calls()).toBe(3);
    expect(sleeps).toEqual([700, 700]);
  });

  it('does not retry other failures', async () => {
    const { limiter } = harness();
    const script = scripted({ result: { ok: false, reason: 'unavailable', message: '500' }, cost: null });

    expect(await limiter.run('a.myshopify.com', 'Op', script.attempt)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(script.calls()).toBe(1);
  });

  it('waits before an operation the reported bucket cannot hold yet', async () => {
    const { limiter, sleeps, tick } = harness();
    await limiter.run('a.myshopify.com', 'Big', async () => ok(cost(500, 100)));
    tick(1000); // 100 restored: 200 available, 300 short

    await limiter.run('a.myshopify.com', 'Big', async () => ok(cost(500, 1500)));

    expect(sleeps).toEqual([3000]);
  });

  it('holds every call to a throttled shop, and only that shop', async () => {
    const { limiter, sleeps } = harness(0);
    await limiter.run('a.myshopify.com', 'One', async () => throttled(5000));

    await limiter.run('b.myshopify.com', 'Two', async () => ok());
    expect(sleeps).toEqual([]);
    await limiter.run('a.myshopify.com', 'Two', async () => ok());
    expect(sleeps).toEqual([5000]);
  });
});
