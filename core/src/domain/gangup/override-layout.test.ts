import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GangTarget } from './gangup-types.ts';
import { applyPlacementChanges, type OverrideInput, type SheetPlacement } from './override-layout.ts';
import { packGangUp } from './pack-gang-up.ts';

const area: GangTarget = { kind: 'sheet', width: 320, height: 444 };
const card = { id: 'card', width: 85, height: 55, rotatable: true };

/** A packed layout as the database holds it. */
function stored(input: { area: GangTarget; items: { id: string; width: number; height: number; rotatable: boolean; quantity: number }[]; gutter: number; bleed: number }): OverrideInput {
  const packed = packGangUp({ target: input.area, gutter: input.gutter, bleed: input.bleed, items: input.items }, { maxIterations: 20 });
  if (!packed.ok) throw new Error(packed.problems.join('; '));
  const groups = packed.layout.kind === 'sheets' ? packed.layout.sheets.map((s) => s.placements) : [packed.layout.placements];
  const placements: SheetPlacement[] = groups.flatMap((group, sheet) => group.map((p) => ({ id: `${p.id}#${p.copy}`, itemId: p.id, sheet, x: p.x, y: p.y, rotated: p.rotated })));
  return { area: input.area, gutter: input.gutter, bleed: input.bleed, items: input.items, placements, sheets: groups.length };
}

describe('operator overrides of a gang layout', () => {
  const layout = stored({ area, gutter: 2, bleed: 3, items: [{ ...card, quantity: 30 }] });

  it('refuses an overlap, a move off the sheet, a turn of an item that may not turn, and unknown ids, naming each', () => {
    const [a, b] = layout.placements;
    const overlap = applyPlacementChanges(layout, [{ kind: 'move', placementId: b!.id, sheet: a!.sheet, x: a!.x + 1, y: a!.y }]);
    expect(overlap).toMatchObject({ ok: false, problems: [expect.stringMatching(/overlap or are closer than the gutter/)] });
    const off = applyPlacementChanges(layout, [{ kind: 'move', placementId: b!.id, x: 240, y: 3 }]);
    expect(off.ok || off.problems.some((p) => p.includes('leaves the sheet'))).toBe(true);
    expect(off.ok).toBe(false);
    const fixed = { ...layout, items: [{ ...card, rotatable: false }] };
    const turned = applyPlacementChanges(fixed, [{ kind: 'move', placementId: a!.id, x: a!.x, y: a!.y, rotated: !a!.rotated }]);
    expect(turned.ok).toBe(false);
    const unknown = applyPlacementChanges(layout, [{ kind: 'remove', placementId: 'nope' }, { kind: 'add', itemId: 'ghost', sheet: 0, x: 3, y: 3 }, { kind: 'move', placementId: a!.id, sheet: 9, x: 3, y: 3 }]);
    expect(unknown).toEqual({ ok: false, problems: ['changes[0]: unknown or already removed placement "nope"', 'changes[1]: unknown item "ghost"', 'changes[2]: sheet 9 does not exist'] });
  });

  it('takes a removal and an addition in the freed place, renumbering copies and dropping an emptied sheet', () => {
    const small = stored({ area, gutter: 2, bleed: 3, items: [{ ...card, quantity: 22 }] });
    expect(small.sheets).toBe(2);
    const lone = small.placements.find((p) => p.sheet === 1)!;
    const first = small.placements.find((p) => p.sheet === 0)!;
    const outcome = applyPlacementChanges(small, [
      { kind: 'remove', placementId: lone.id },
      { kind: 'remove', placementId: first.id },
      { kind: 'add', itemId: 'card', sheet: 0, x: first.x, y: first.y, rotated: first.rotated },
    ]);
    if (!outcome.ok) throw new Error(outcome.problems.join('; '));
    expect(outcome.sheets).toBe(1);
    expect(outcome.placements).toHaveLength(21);
    expect(outcome.placements.map((p) => p.copy).sort((x, y) => x - y)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(outcome.copies.get('card')).toBe(21);
  });

  it('property: a packed layout left as it is passes; any copy moved onto another is refused', () => {
    const item = fc.record({ width: fc.integer({ min: 5, max: 120 }), height: fc.integer({ min: 5, max: 120 }), quantity: fc.integer({ min: 1, max: 8 }), rotatable: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.nat(3), fc.nat(3), fc.nat(), fc.nat(), (items, gutter, bleed, i, j) => {
        const input = stored({ area: { kind: 'sheet', width: 300, height: 200 }, gutter, bleed, items: items.map((it, k) => ({ ...it, id: `i${k}` })) });
        const same = applyPlacementChanges(input, input.placements.map((p) => ({ kind: 'move' as const, placementId: p.id, x: p.x, y: p.y })));
        expect(same.ok).toBe(true);
        if (input.placements.length < 2) return;
        const a = input.placements[i % input.placements.length]!;
        const b = input.placements.filter((p) => p.id !== a.id)[j % (input.placements.length - 1)]!;
        const onto = applyPlacementChanges(input, [{ kind: 'move', placementId: a.id, sheet: b.sheet, x: b.x, y: b.y, rotated: a.rotated }]);
        expect(onto.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
