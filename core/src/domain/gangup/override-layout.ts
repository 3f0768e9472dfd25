import { checkGangLayout } from './check-layout.ts';
import type { GangPlacement, GangTarget, GangUpInput, GangUpResult } from './gangup-types.ts';

export interface LayoutItem {
  id: string;
  width: number;
  height: number;
  rotatable: boolean;
}

/** A stored placement: `sheet` is 0 on a roll. */
export interface SheetPlacement {
  id: string;
  itemId: string;
  sheet: number;
  x: number;
  y: number;
  rotated: boolean;
}

export type PlacementChange =
  | { kind: 'move'; placementId: string; sheet?: number | null; x: number; y: number; rotated?: boolean | null }
  | { kind: 'remove'; placementId: string }
  | { kind: 'add'; itemId: string; sheet: number; x: number; y: number; rotated?: boolean | null };

export interface PlacedCopy {
  itemId: string;
  copy: number;
  sheet: number;
  x: number;
  y: number;
  width: number;
  height: number;
  rotated: boolean;
}

export type OverrideOutcome =
  | { ok: true; placements: PlacedCopy[]; sheets: number; rollLength: number | null; copies: Map<string, number>; utilization: number }
  | { ok: false; problems: string[] };

export interface OverrideInput {
  /** The packing area (slug already kept clear). */
  area: GangTarget;
  gutter: number;
  bleed: number;
  items: readonly LayoutItem[];
  placements: readonly SheetPlacement[];
  sheets: number;
}

/**
 * An operator's moves, removals and additions applied to a layout, then checked by the
 * same independent checker the packer is tested with: nothing overlaps, nothing leaves
 * the sheet. Copies are renumbered per item; empty sheets are dropped.
 */
export function applyPlacementChanges(input: OverrideInput, changes: readonly PlacementChange[]): OverrideOutcome {
  const problems: string[] = [];
  const items = new Map(input.items.map((item) => [item.id, item]));
  const current = new Map(input.placements.map((p) => [p.id, { ...p }]));
  const added: SheetPlacement[] = [];
  const roll = input.area.kind === 'roll';
  const sheetOk = (sheet: number) => Number.isInteger(sheet) && sheet >= 0 && (roll ? sheet === 0 : sheet <= input.sheets);

  changes.forEach((change, i) => {
    const at = `changes[${i}]`;
    if (change.kind === 'add') {
      if (!items.has(change.itemId)) return void problems.push(`${at}: unknown item "${change.itemId}"`);
      if (!sheetOk(change.sheet)) return void problems.push(`${at}: sheet ${change.sheet} does not exist`);
      if (!Number.isFinite(change.x) || !Number.isFinite(change.y)) return void problems.push(`${at}: x and y must be numbers`);
      added.push({ id: `new-${i}`, itemId: change.itemId, sheet: change.sheet, x: change.x, y: change.y, rotated: change.rotated ?? false });
      return;
    }
    const placement = current.get(change.placementId);
    if (!placement) return void problems.push(`${at}: unknown or already removed placement "${change.placementId}"`);
    if (change.kind === 'remove') return void current.delete(change.placementId);
    const sheet = change.sheet ?? placement.sheet;
    if (!sheetOk(sheet)) return void problems.push(`${at}: sheet ${sheet} does not exist`);
    if (!Number.isFinite(change.x) || !Number.isFinite(change.y)) return void problems.push(`${at}: x and y must be numbers`);
    Object.assign(placement, { sheet, x: change.x, y: change.y, rotated: change.rotated ?? placement.rotated });
  });
  if (problems.length > 0) return { ok: false, problems };

  const all = [...current.values(), ...added];
  const copies = new Map<string, number>();
  const placed: PlacedCopy[] = all.map((p) => {
    const item = items.get(p.itemId)!;
    const copy = copies.get(p.itemId) ?? 0;
    copies.set(p.itemId, copy + 1);
    const [width, height] = p.rotated ? [item.height, item.width] : [item.width, item.height];
    return { itemId: p.itemId, copy, sheet: p.sheet, x: p.x, y: p.y, width, height, rotated: p.rotated };
  });
  // Renumber sheets so none is empty.
  const used = [...new Set(placed.map((p) => p.sheet))].sort((a, b) => a - b);
  const renumber = new Map(used.map((sheet, i) => [sheet, i]));
  for (const p of placed) p.sheet = renumber.get(p.sheet)!;
  const sheets = used.length;
  const rollLength = roll ? Math.max(0, ...placed.map((p) => p.y + p.height + input.bleed)) : null;

  const gangInput: GangUpInput = {
    target: input.area,
    gutter: input.gutter,
    bleed: input.bleed,
    items: input.items.map((item) => ({ id: item.id, width: item.width, height: item.height, rotatable: item.rotatable, quantity: copies.get(item.id) ?? 0 })),
  };
  const toPlacement = (p: PlacedCopy): GangPlacement => ({ id: p.itemId, copy: p.copy, x: p.x, y: p.y, width: p.width, height: p.height, rotated: p.rotated });
  const utilization = utilizationOf(input.area, placed, sheets, rollLength);
  const result: GangUpResult = {
    ok: true,
    layout: roll
      ? { kind: 'roll', length: rollLength ?? 0, placements: placed.map(toPlacement) }
      : { kind: 'sheets', sheets: Array.from({ length: sheets }, (_, s) => ({ placements: placed.filter((p) => p.sheet === s).map(toPlacement) })) },
    unplaced: [],
    utilization,
    utilizationExcludingLast: utilization,
    lowerBound: 0,
  };
  const check = checkGangLayout(gangInput, result);
  if (!check.ok) return { ok: false, problems: check.problems };
  return { ok: true, placements: placed, sheets, rollLength, copies, utilization };
}

export function utilizationOf(area: GangTarget, placed: readonly { width: number; height: number }[], sheets: number, rollLength: number | null): number {
  const trim = placed.reduce((sum, p) => sum + p.width * p.height, 0);
  const used = area.kind === 'roll' ? area.width * (rollLength ?? 0) : sheets * area.width * area.height;
  return used > 0 ? trim / used : 0;
}
