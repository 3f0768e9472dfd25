import { describe, expect, it } from 'vitest';
import { fromConnector } from './platform-effects.ts';
import { createShopPacer } from './shop-pacer.ts';

describe('what a platform answer means for an effect', () => {
  it('waits out throttling, retries what may have been applied, and gives up on refusals', () => {
    expect(fromConnector({ ok: true, value: { id: 'F1' } }, (value) => ({ fulfillment: value.id }))).toEqual({ kind: 'sent', result: { fulfillment: 'F1' } });
    expect(fromConnector({ ok: false, reason: 'throttled', retryAfterMs: 2_000, message: 'slow down' }, () => ({}))).toEqual({ kind: 'throttled', retryAfterMs: 2_000, message: 'slow down' });
    expect(fromConnector({ ok: false, reason: 'unavailable', message: 'HTTP 502' }, () => ({})).kind).toBe('transient');
    expect(fromConnector({ ok: false, reason: 'unauthorized', message: 'token expired' }, () => ({})).kind).toBe('transient');
    expect(fromConnector({ ok: false, reason: 'rejected', message: 'over-fulfilled' }, () => ({})).kind).toBe('permanent');
    expect(fromConnector({ ok: false, reason: 'not_found', message: 'no order' }, () => ({})).kind).toBe('permanent');
  });
});

describe('createShopPacer', () => {
  it('pauses one shop until the time it was told, never shortening a pause', () => {
    const pacer = createShopPacer();
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
    pacer.pause('a', at(5_000));
    pacer.pause('a', at(2_000));
    expect(pacer.pausedUntil('a', at(0))).toEqual(at(5_000));
    expect(pacer.pausedUntil('b', at(0))).toBeNull();
    expect(pacer.pausedUntil('a', at(5_000))).toBeNull();
  });
});
