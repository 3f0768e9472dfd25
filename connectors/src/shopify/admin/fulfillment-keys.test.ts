import { describe, expect, it } from 'vitest';
import { claimedFulfillmentIds, parseFulfillmentKeys, serializeFulfillmentKeys, withKey } from './fulfillment-keys.ts';

describe('fulfillment keys', () => {
  it('round-trips pending and recorded keys', () => {
    const keys = withKey(withKey(new Map(), 'a', { pendingSince: ['1', '2'] }), 'b', { fulfillmentId: '3' });
    const read = parseFulfillmentKeys(serializeFulfillmentKeys(keys));
    expect([...read]).toEqual([
      ['a', { pendingSince: ['1', '2'] }],
      ['b', { fulfillmentId: '3' }],
    ]);
    expect(claimedFulfillmentIds(read)).toEqual(new Set(['3']));
  });

  it('reads a missing or hand-edited value as no keys', () => {
    expect(parseFulfillmentKeys(null).size).toBe(0);
    expect(parseFulfillmentKeys('{not json').size).toBe(0);
    expect(parseFulfillmentKeys('{"keys": {"a": 42}}').size).toBe(0);
  });

  it('keeps the newest keys when there are too many', () => {
    let keys = new Map();
    for (let i = 0; i < 250; i += 1) keys = withKey(keys, `k${i}`, { fulfillmentId: String(i) });
    const kept = parseFulfillmentKeys(serializeFulfillmentKeys(keys));
    expect(kept.size).toBe(200);
    expect(kept.has('k249')).toBe(true);
    expect(kept.has('k49')).toBe(false);
  });
});
