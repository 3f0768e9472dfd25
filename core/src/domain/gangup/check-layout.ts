import type { GangPlacement, GangUpInput, GangUpResult } from './gangup-types.ts';

export type LayoutCheck = { ok: true } | { ok: false; problems: string[] };

/**
 * Checks a packing against its input, independently of how it was made: every copy placed
 * exactly once or reported unplaced, rotation only where allowed, the trim size kept, bleed
 * boxes inside the sheet (or roll length) and at least one gutter apart. Tests, the
 * benchmark and any caller that edits a layout (operator overrides) can use it.
 */
export function checkGangLayout(input: GangUpInput, result: GangUpResult): LayoutCheck {
  const problems: string[] = [];
  const { bleed, gutter, target } = input;
  // Coordinates are sums of inputs in floating point; allow for rounding, nothing more.
  const scale = Math.max(target.width, target.kind === 'roll' ? 1 : target.height, 1);
  const eps = scale * 1e-9;
  const items = new Map(input.items.map((item) => [item.id, item]));
  const seen = new Map<string, Set<number>>();
  const groups = result.layout.kind === 'sheets' ? result.layout.sheets.map((s) => s.placements) : [result.layout.placements];
  const height = target.kind === 'roll' ? (result.layout.kind === 'roll' ? result.layout.length : 0) : target.height;

  groups.forEach((placements, g) => {
    const where = result.layout.kind === 'sheets' ? `sheet ${g}` : 'roll';
    for (const p of placements) {
      const item = items.get(p.id);
      if (!item) {
        problems.push(`${where}: unknown item "${p.id}"`);
        continue;
      }
      const copies = seen.get(p.id) ?? new Set<number>();
      if (copies.has(p.copy)) problems.push(`${where}: copy ${p.copy} of "${p.id}" placed twice`);
      if (!Number.isInteger(p.copy) || p.copy < 0 || p.copy >= (item.quantity ?? 1)) problems.push(`${where}: "${p.id}" has no copy ${p.copy}`);
      copies.add(p.copy);
      seen.set(p.id, copies);
      if (p.rotated && item.rotatable !== true) problems.push(`${where}: "${p.id}" turned but not rotatable`);
      const [w, h] = p.rotated ? [item.height, item.width] : [item.width, item.height];
      if (p.width !== w || p.height !== h) problems.push(`${where}: "${p.id}" copy ${p.copy} is ${p.width}×${p.height}, not ${w}×${h}`);
      if (p.x - bleed < -eps || p.y - bleed < -eps || p.x + p.width + bleed > target.width + eps || p.y + p.height + bleed > height + eps) {
        problems.push(`${where}: "${p.id}" copy ${p.copy} with its bleed leaves the ${target.kind}`);
      }
    }
    // Sweep along x: only neighbours whose spans (plus a gutter) meet can clash.
    const sorted = placements.slice().sort((a, b) => a.x - b.x);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j]!;
        if (b.x - bleed >= a.x + a.width + bleed + gutter - eps) break;
        if (tooClose(a, b, bleed, gutter, eps)) problems.push(`${where}: "${a.id}" copy ${a.copy} and "${b.id}" copy ${b.copy} overlap or are closer than the gutter`);
      }
    }
  });

  const unplaced = new Map(result.unplaced.map((u) => [u.id, u.copies]));
  for (const item of input.items) {
    const wanted = item.quantity ?? 1;
    const placed = seen.get(item.id)?.size ?? 0;
    const missing = unplaced.get(item.id) ?? 0;
    if (placed + missing !== wanted) problems.push(`"${item.id}": ${wanted} wanted, ${placed} placed and ${missing} reported unplaced`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems: problems.slice(0, 20) };
}

function tooClose(a: GangPlacement, b: GangPlacement, bleed: number, gutter: number, eps: number): boolean {
  const apartX = a.x + a.width + bleed + gutter <= b.x - bleed + eps || b.x + b.width + bleed + gutter <= a.x - bleed + eps;
  const apartY = a.y + a.height + bleed + gutter <= b.y - bleed + eps || b.y + b.height + bleed + gutter <= a.y - bleed + eps;
  return !apartX && !apartY;
}
