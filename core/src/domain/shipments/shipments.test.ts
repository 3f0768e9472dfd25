import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkShipmentLines } from './check-shipment-lines.ts';
import { mergeTrackingNumbers, nextShipmentState } from './shipment-progress.ts';

const owed = [
  { id: 'a', title: 'Business cards', quantity: 3, shipped: 1 },
  { id: 'b', title: 'Poster', quantity: 1, shipped: 0 },
];

describe('checkShipmentLines', () => {
  it('accepts what is still owed', () => {
    expect(checkShipmentLines(owed, [{ orderLineId: 'a', quantity: 2 }, { orderLineId: 'b', quantity: 1 }]).ok).toBe(true);
  });
  it('names the line that is over-shipped', () => {
    const result = checkShipmentLines(owed, [{ orderLineId: 'a', quantity: 3 }]);
    expect(result).toMatchObject({ ok: false, orderLineId: 'a' });
    expect(!result.ok && result.message).toContain('Business cards');
  });
  it('refuses foreign lines, repeats, zero and fractions', () => {
    expect(checkShipmentLines(owed, [{ orderLineId: 'x', quantity: 1 }]).ok).toBe(false);
    expect(checkShipmentLines(owed, [{ orderLineId: 'b', quantity: 1 }, { orderLineId: 'b', quantity: 1 }]).ok).toBe(false);
    expect(checkShipmentLines(owed, [{ orderLineId: 'a', quantity: 0 }]).ok).toBe(false);
    expect(checkShipmentLines(owed, [{ orderLineId: 'a', quantity: 1.5 }]).ok).toBe(false);
    expect(checkShipmentLines(owed, []).ok).toBe(false);
  });
});

describe('tracking and shipment state', () => {
  it('never loses a tracking number', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 })), fc.array(fc.string({ minLength: 1 })), (a, b) => {
        const merged = mergeTrackingNumbers(mergeTrackingNumbers([], a), b);
        for (const number of [...a, ...b]) if (number.trim() !== '') expect(merged).toContain(number.trim());
        expect(new Set(merged).size).toBe(merged.length);
      }),
    );
  });
  it('never moves backwards, whatever order events arrive in', () => {
    const events = fc.array(fc.record({ status: fc.constantFrom('shipped' as const, 'delivered' as const), at: fc.integer({ min: 0, max: 1000 }) }));
    fc.assert(
      fc.property(events, (list) => {
        let state = { status: 'shipped' as 'shipped' | 'delivered', statusAt: new Date(0) };
        for (const event of list) {
          const before = state.status;
          state = nextShipmentState(state, { status: event.status, at: new Date(event.at) });
          if (before === 'delivered') expect(state.status).toBe('delivered');
        }
      }),
    );
  });
});
