import type { GangPlacement, GangUpInput, GangUpResult } from '@pressline/core/domain';

/**
 * The `--json` output: `{ sheets:[{placements}] }` (or `plates`, or `roll:{length, placements}`),
 * `utilization`, `utilizationExcludingLast`, `lowerBound` and `unplaced`. A placement is
 * the trim box `{id, copy, x, y, width, height, rotated}`; its bleed lies around it.
 */
export function gangupJson(input: GangUpInput, result: GangUpResult): Record<string, unknown> {
  const placements = (list: GangPlacement[]) => list.map(({ id, copy, x, y, width, height, rotated }) => ({ id, copy, x, y, width, height, rotated }));
  const common = { utilization: result.utilization, utilizationExcludingLast: result.utilizationExcludingLast, lowerBound: result.lowerBound, unplaced: result.unplaced };
  if (result.layout.kind === 'roll') return { roll: { length: result.layout.length, placements: placements(result.layout.placements) }, ...common };
  const sheets = result.layout.sheets.map((sheet) => ({ placements: placements(sheet.placements) }));
  return input.target.kind === 'plate' ? { plates: sheets, ...common } : { sheets, ...common };
}

/** A few lines for a person at a terminal. */
export function gangupSummary(input: GangUpInput, result: GangUpResult): string[] {
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  const lines: string[] = [];
  if (result.layout.kind === 'roll') {
    lines.push(`roll ${input.target.width} wide: length ${round(result.layout.length)} (no packing can be shorter than ${round(result.lowerBound)}), ${result.layout.placements.length} copies, utilisation ${percent(result.utilization)}`);
  } else {
    const noun = input.target.kind === 'plate' ? 'plate' : 'sheet';
    const count = result.layout.sheets.length;
    lines.push(`${count} ${noun}${count === 1 ? '' : 's'} (at least ${result.lowerBound} needed), utilisation ${percent(result.utilization)}, ${percent(result.utilizationExcludingLast)} without the last`);
    result.layout.sheets.forEach((sheet, i) => lines.push(`  ${noun} ${i + 1}: ${sheet.placements.length} copies`));
  }
  for (const u of result.unplaced) lines.push(`  not placed: ${u.copies} × "${u.id}" (larger than the ${input.target.kind} with its bleed, in every allowed orientation)`);
  return lines;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
