import { expandCopies, inputProblems, type Expanded } from './copies.ts';
import type { GangPlacement, GangUpBudget, GangUpInput, GangUpOutcome } from './gangup-types.ts';
import { packBins } from './pack-sheets.ts';
import { packStrip } from './pack-roll.ts';
import type { Slot } from './pieces.ts';
import { createPrng } from './prng.ts';

/**
 * Improvement steps when the caller sets no budget: enough to matter on a few hundred
 * copies, and fewer for many copies since a step then re-packs more of them. A caller
 * with a clock should rather pass `shouldStop`.
 */
const defaultSteps = (copies: number) => Math.max(10, Math.min(2000, Math.floor(50_000 / Math.max(1, copies))));

/**
 * Gang-up: every copy of every item onto as few sheets or plates as possible, or onto the
 * shortest length of roll. Never an overlap, never outside the sheet, never a lost or
 * duplicated copy; copies that cannot fit in any allowed orientation come back in
 * `unplaced`. Geometry conventions: see gangup-types.ts.
 */
export function packGangUp(input: GangUpInput, budget: GangUpBudget = {}): GangUpOutcome {
  const problems = inputProblems(input);
  if (problems.length > 0) return { ok: false, reason: 'invalid-input', problems };
  const expanded = expandCopies(input);
  const prng = createPrng(budget.seed ?? 1);
  const limit = budget.maxIterations ?? (budget.shouldStop ? Infinity : defaultSteps(expanded.pieces.length));
  let steps = 0;
  const stop = () => steps++ >= limit || (budget.shouldStop?.() ?? false);
  const trimArea = expanded.refs.reduce((sum, ref) => sum + input.items[ref.item]!.width * input.items[ref.item]!.height, 0);
  const { target, gutter } = input;

  if (target.kind === 'roll') {
    const strip = packStrip({ pieces: expanded.pieces, width: expanded.bin.width, prng, stop });
    const length = expanded.pieces.length === 0 ? 0 : strip.length - gutter;
    const utilization = length > 0 ? trimArea / (target.width * length) : 0;
    return {
      ok: true,
      layout: { kind: 'roll', length, placements: strip.slots.map((slot) => placementOf(slot, expanded, input)) },
      unplaced: expanded.unplaced,
      utilization,
      utilizationExcludingLast: utilization,
      lowerBound: Math.max(0, strip.lowerBound - gutter),
    };
  }

  const packed = packBins({ pieces: expanded.pieces, bin: expanded.bin, prng, stop });
  // Fullest first, so the part-filled sheet is the last one.
  const ordered = packed.sheets.slice().sort((a, b) => b.area - a.area);
  const sheets = ordered.map((sheet) => ({ placements: sheet.slots.map((slot) => placementOf(slot, expanded, input)) }));
  const sheetArea = target.width * target.height;
  const areaOf = (placements: GangPlacement[]) => placements.reduce((sum, p) => sum + p.width * p.height, 0);
  const utilization = sheets.length > 0 ? trimArea / (sheetArea * sheets.length) : 0;
  const allButLast = sheets.slice(0, -1);
  const utilizationExcludingLast = allButLast.length > 0 ? allButLast.reduce((sum, s) => sum + areaOf(s.placements), 0) / (sheetArea * allButLast.length) : utilization;
  return { ok: true, layout: { kind: 'sheets', sheets }, unplaced: expanded.unplaced, utilization, utilizationExcludingLast, lowerBound: packed.lowerBound };
}

/** From the grown box back to the trim box: inset by the bleed; the gutter sits beyond the far edges. */
function placementOf(slot: Slot, expanded: Expanded, input: GangUpInput): GangPlacement {
  const ref = expanded.refs[slot.piece]!;
  const item = input.items[ref.item]!;
  return {
    id: item.id,
    copy: ref.copy,
    x: slot.x + input.bleed,
    y: slot.y + input.bleed,
    width: slot.rotated ? item.height : item.width,
    height: slot.rotated ? item.width : item.height,
    rotated: slot.rotated,
  };
}
