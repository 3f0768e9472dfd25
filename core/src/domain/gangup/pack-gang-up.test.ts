import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGangLayout } from './check-layout.ts';
import type { GangPlacement, GangUpInput, GangUpResult } from './gangup-types.ts';
import { packGangUp } from './pack-gang-up.ts';

function pack(input: GangUpInput, steps = 50): GangUpResult {
  const outcome = packGangUp(input, { maxIterations: steps });
  if (!outcome.ok) throw new Error(outcome.problems.join('; '));
  return outcome;
}

const placementsOf = (result: GangUpResult): GangPlacement[][] => (result.layout.kind === 'sheets' ? result.layout.sheets.map((s) => s.placements) : [result.layout.placements]);

/** Independent of check-layout.ts: the plain pairwise definition of what must hold. */
function assertSound(input: GangUpInput, result: GangUpResult): void {
  const { bleed, gutter, target } = input;
  const eps = 1e-7;
  const height = result.layout.kind === 'roll' ? result.layout.length : (target as { height: number }).height;
  const counts = new Map<string, number[]>();
  for (const group of placementsOf(result)) {
    for (const p of group) {
      const item = input.items.find((i) => i.id === p.id)!;
      expect(p.rotated && item.rotatable !== true, `${p.id} turned without leave`).toBe(false);
      expect([p.width, p.height]).toEqual(p.rotated ? [item.height, item.width] : [item.width, item.height]);
      expect(p.x - bleed).toBeGreaterThanOrEqual(-eps);
      expect(p.y - bleed).toBeGreaterThanOrEqual(-eps);
      expect(p.x + p.width + bleed).toBeLessThanOrEqual(target.width + eps);
      expect(p.y + p.height + bleed).toBeLessThanOrEqual(height + eps);
      counts.set(p.id, [...(counts.get(p.id) ?? []), p.copy]);
    }
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        const apartX = a.x + a.width + 2 * bleed + gutter <= b.x + eps || b.x + b.width + 2 * bleed + gutter <= a.x + eps;
        const apartY = a.y + a.height + 2 * bleed + gutter <= b.y + eps || b.y + b.height + 2 * bleed + gutter <= a.y + eps;
        expect(apartX || apartY, `${a.id}#${a.copy} and ${b.id}#${b.copy} closer than the gutter`).toBe(true);
      }
    }
  }
  for (const item of input.items) {
    const copies = (counts.get(item.id) ?? []).sort((x, y) => x - y);
    const unplaced = result.unplaced.find((u) => u.id === item.id)?.copies ?? 0;
    const wanted = item.quantity ?? 1;
    if (unplaced > 0) expect(copies).toEqual([]);
    else expect(copies).toEqual(Array.from({ length: wanted }, (_, k) => k));
    expect(copies.length + unplaced).toBe(wanted);
  }
  expect(checkGangLayout(input, result)).toEqual({ ok: true });
}

const itemsArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    width: fc.integer({ min: 1, max: 120 }).map((v) => v / 2),
    height: fc.integer({ min: 1, max: 120 }).map((v) => v / 2),
    quantity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    rotatable: fc.option(fc.boolean(), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 12, selector: (item) => item.id },
);
/** Decimal sizes (tenths, as in millimetres) are not exact in binary: rounding must not break a check. */
const decimalItemsArb = itemsArb.map((items) => items.map((item) => ({ ...item, width: item.width / 5 + 0.1, height: item.height / 5 + 0.3 })));
const gapArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }).map((v) => v / 2));

describe('packGangUp on random instances', () => {
  it('sheets and plates: no overlap (gutter kept), nothing outside the sheet (bleed included), every copy exactly once', () => {
    fc.assert(
      fc.property(fc.constantFrom('sheet' as const, 'plate' as const), fc.integer({ min: 20, max: 80 }), fc.integer({ min: 20, max: 80 }), gapArb, gapArb, itemsArb, (kind, width, height, gutter, bleed, items) => {
        const input: GangUpInput = { target: { kind, width, height }, gutter, bleed, items };
        const result = pack(input);
        assertSound(input, result);
        if (result.layout.kind === 'sheets') {
          expect(result.layout.sheets.length).toBeGreaterThanOrEqual(result.lowerBound);
          for (const sheet of result.layout.sheets) expect(sheet.placements.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('decimal sizes, bleed and gutter keep the same guarantees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 300 }), fc.integer({ min: 50, max: 300 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), decimalItemsArb, (width, height, gutter, bleed, items) => {
        const input: GangUpInput = { target: { kind: 'sheet', width: width / 10, height: height / 10 }, gutter: gutter / 10, bleed: bleed / 10, items };
        assertSound(input, pack(input));
      }),
      { numRuns: 100 },
    );
  });

  it('roll: same guarantees, and the length is exactly the furthest bleed edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 100 }), gapArb, gapArb, itemsArb, (width, gutter, bleed, items) => {
        const input: GangUpInput = { target: { kind: 'roll', width }, gutter, bleed, items };
        const result = pack(input);
        assertSound(input, result);
        if (result.layout.kind !== 'roll') throw new Error('not a roll');
        const furthest = Math.max(0, ...result.layout.placements.map((p) => p.y + p.height + bleed));
        expect(result.layout.length).toBeCloseTo(furthest, 9);
        expect(result.layout.length + 1e-9).toBeGreaterThanOrEqual(result.lowerBound);
      }),
      { numRuns: 150 },
    );
  });

  it('oriented instances (nothing rotatable) are never turned', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const input: GangUpInput = { target: { kind: 'sheet', width: 60, height: 60 }, gutter: 0, bleed: 0, items: items.map((i) => ({ ...i, rotatable: false })) };
        const result = pack(input);
        for (const group of placementsOf(result)) for (const p of group) expect(p.rotated).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('packGangUp by hand', () => {
  it('four quarter-size items fill exactly one sheet', () => {
    const result = pack({ target: { kind: 'sheet', width: 100, height: 60 }, gutter: 0, bleed: 0, items: [{ id: 'q', width: 50, height: 30, quantity: 4 }] });
    expect(result.layout.kind === 'sheets' && result.layout.sheets.length).toBe(1);
    expect(result.utilization).toBe(1);
    const spots = placementsOf(result)[0]!.map((p) => `${p.x},${p.y}`).sort();
    expect(spots).toEqual(['0,0', '0,30', '50,0', '50,30']);
  });

  it('bleed sits around the trim box inside the sheet: four 46×26 items with 2 bleed fill a 100×60 sheet', () => {
    const input: GangUpInput = { target: { kind: 'sheet', width: 100, height: 60 }, gutter: 0, bleed: 2, items: [{ id: 'q', width: 46, height: 26, quantity: 4 }] };
    const result = pack(input);
    assertSound(input, result);
    expect(placementsOf(result)[0]!.map((p) => `${p.x},${p.y}`).sort()).toEqual(['2,2', '2,32', '52,2', '52,32']);
  });

  it('the gutter is kept between items but not at the edge', () => {
    const fits: GangUpInput = { target: { kind: 'sheet', width: 100, height: 45 }, gutter: 10, bleed: 0, items: [{ id: 'a', width: 45, height: 45, quantity: 2 }] };
    const fitted = pack(fits);
    expect(fitted.layout.kind === 'sheets' && fitted.layout.sheets.length).toBe(1);
    expect(placementsOf(fitted)[0]!.map((p) => p.x).sort((a, b) => a - b)).toEqual([0, 55]);
    const wider = pack({ ...fits, gutter: 10.5 });
    expect(wider.layout.kind === 'sheets' && wider.layout.sheets.length).toBe(2);
  });

  it('turns an item only when it may, and reports what fits nowhere', () => {
    const sheet = { kind: 'sheet' as const, width: 40, height: 90 };
    const turned = pack({ target: sheet, gutter: 0, bleed: 0, items: [{ id: 'long', width: 80, height: 30, rotatable: true }] });
    expect(placementsOf(turned)[0]).toEqual([{ id: 'long', copy: 0, x: 0, y: 0, width: 30, height: 80, rotated: true }]);
    const fixed = pack({ target: sheet, gutter: 0, bleed: 0, items: [{ id: 'long', width: 80, height: 30, quantity: 3 }, { id: 'card', width: 30, height: 20, quantity: 2 }] });
    expect(fixed.unplaced).toEqual([{ id: 'long', copies: 3, reason: 'too-large' }]);
    expect(placementsOf(fixed).flat().map((p) => p.id)).toEqual(['card', 'card']);
  });

  it('a roll is as long as its rows: six 50×20 labels on a 100 wide roll make 60', () => {
    const result = pack({ target: { kind: 'roll', width: 100 }, gutter: 0, bleed: 0, items: [{ id: 'l', width: 50, height: 20, quantity: 6 }] });
    expect(result.layout.kind === 'roll' && result.layout.length).toBe(60);
    expect(result.utilization).toBe(1);
  });

  it('the same input and seed give the same layout', () => {
    const input: GangUpInput = { target: { kind: 'sheet', width: 100, height: 70 }, gutter: 1, bleed: 1, items: [{ id: 'a', width: 33, height: 21, quantity: 9, rotatable: true }, { id: 'b', width: 17, height: 40, quantity: 7 }] };
    expect(packGangUp(input, { maxIterations: 200, seed: 5 })).toEqual(packGangUp(input, { maxIterations: 200, seed: 5 }));
  });

  it('an empty list packs into nothing', () => {
    const result = pack({ target: { kind: 'sheet', width: 10, height: 10 }, gutter: 0, bleed: 0, items: [] });
    expect(result.layout).toEqual({ kind: 'sheets', sheets: [] });
    expect(result.utilization).toBe(0);
  });

  it('refuses bad input with a problem per field', () => {
    const outcome = packGangUp({
      target: { kind: 'sheet', width: 0, height: Number.NaN },
      gutter: -1,
      bleed: 0,
      items: [
        { id: 'a', width: 10, height: -2 },
        { id: 'a', width: 10, height: 10, quantity: 1.5 },
        { id: 'big', width: 1, height: 1, quantity: 1e9 },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      'sheet.width must be a finite number > 0',
      'sheet.height must be a finite number > 0',
      'gutter must be a finite number ≥ 0',
      'items[0].height must be a finite number > 0',
      'items[1].id "a" repeats items[0].id',
      'items[1].quantity must be a whole number ≥ 0',
      'items: 1000000001 copies in all, more than the 50000 one gang-up can take',
    ]);
  });
});

describe('checkGangLayout', () => {
  const input: GangUpInput = { target: { kind: 'sheet', width: 100, height: 50 }, gutter: 2, bleed: 1, items: [{ id: 'a', width: 20, height: 10, quantity: 2 }] };
  const layout = (placements: GangPlacement[]): GangUpResult => ({ ok: true, layout: { kind: 'sheets', sheets: [{ placements }] }, unplaced: [], utilization: 0, utilizationExcludingLast: 0, lowerBound: 1 });
  const at = (copy: number, x: number, y: number, rotated = false): GangPlacement => ({ id: 'a', copy, x, y, width: rotated ? 10 : 20, height: rotated ? 20 : 10, rotated });

  it('accepts neighbours exactly one gutter apart', () => {
    expect(checkGangLayout(input, layout([at(0, 1, 1), at(1, 25, 1)]))).toEqual({ ok: true });
  });

  it('finds a gutter too narrow, bleed over the edge, a lost or doubled copy, and a forbidden turn', () => {
    const problems = (placements: GangPlacement[]) => {
      const check = checkGangLayout(input, layout(placements));
      return check.ok ? [] : check.problems;
    };
    expect(problems([at(0, 1, 1), at(1, 24.5, 1)])[0]).toMatch(/closer than the gutter/);
    expect(problems([at(0, 0.5, 1), at(1, 40, 1)])[0]).toMatch(/leaves the sheet/);
    expect(problems([at(0, 1, 1)])[0]).toMatch(/2 wanted, 1 placed/);
    expect(problems([at(0, 1, 1), at(0, 40, 1), at(1, 70, 1)])[0]).toMatch(/placed twice/);
    expect(problems([at(0, 1, 1), at(1, 40, 1, true)])[0]).toMatch(/turned but not rotatable/);
  });
});

describe('packGangUp on rolls of equal pieces', () => {
  it('stops at the lower bound when a single row is optimal', () => {
    const input: GangUpInput = { target: { kind: 'roll', width: 90 }, gutter: 0, bleed: 0, items: [{ id: 'p', width: 30, height: 70, quantity: 3, rotatable: true }] };
    const result = pack(input, 500);
    expect(result.layout.kind === 'roll' && result.layout.length).toBe(70);
    expect(result.lowerBound).toBe(70);
  });

  it('squeezes without failing when every piece is as tall as the bound', () => {
    const input: GangUpInput = { target: { kind: 'roll', width: 100 }, gutter: 0.3, bleed: 0.1, items: [{ id: 'p', width: 40.1, height: 70.3, quantity: 5 }] };
    const result = pack(input, 300);
    assertSound(input, result);
    expect(result.layout.kind === 'roll' && result.layout.length).toBeCloseTo(3 * 70.5 + 2 * 0.3, 9);
  });
});
