import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAccount, type LineRunShare } from './line-account.ts';

describe('an order line across gang runs', () => {
  it('owes spoiled copies again and counts the remake', () => {
    const first: LineRunShare = { runStatus: 'finished', copies: 25, spoiled: 4, remake: false };
    expect(lineAccount(25, [first])).toEqual({ ordered: 25, made: 21, spoiled: 4, remade: 0, inProduction: 0, owed: 4, unplanned: 4 });
    const remake: LineRunShare = { runStatus: 'planned', copies: 4, spoiled: 0, remake: true };
    expect(lineAccount(25, [first, remake])).toMatchObject({ made: 21, inProduction: 4, owed: 4, unplanned: 0 });
    expect(lineAccount(25, [first, { ...remake, runStatus: 'finished' }])).toEqual({ ordered: 25, made: 25, spoiled: 4, remade: 4, inProduction: 0, owed: 0, unplanned: 0 });
  });

  it('ignores cancelled runs', () => {
    expect(lineAccount(10, [{ runStatus: 'cancelled', copies: 10, spoiled: 0, remake: false }])).toMatchObject({ made: 0, inProduction: 0, owed: 10, unplanned: 10 });
  });

  it('never owes less than nothing, and made + owed covers what was ordered', () => {
    const share = fc.record({
      runStatus: fc.constantFrom('planned', 'running', 'finished', 'cancelled') as fc.Arbitrary<LineRunShare['runStatus']>,
      copies: fc.nat(50),
      spoiled: fc.nat(60),
      remake: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.nat(100), fc.array(share, { maxLength: 6 }), (ordered, shares) => {
        const account = lineAccount(ordered, shares);
        expect(account.owed).toBeGreaterThanOrEqual(0);
        expect(account.unplanned).toBeGreaterThanOrEqual(0);
        expect(account.unplanned).toBeLessThanOrEqual(account.owed);
        expect(account.made + account.owed).toBeGreaterThanOrEqual(ordered);
        expect(account.remade).toBeLessThanOrEqual(account.made);
      }),
    );
  });
});
