import type { GangUpInput, GangUnplaced } from './gangup-types.ts';
import { fitsBin, type Bin, type Piece } from './pieces.ts';

/** Copies in one call at most: bounds the work and the memory a single request can ask for. */
export const MAX_GANG_COPIES = 50_000;

/** Which item and copy a piece stands for. */
export interface CopyRef {
  item: number;
  copy: number;
}

export interface Expanded {
  /** The bin the grown pieces go into (sheet or plate grown by one gutter; a roll's width likewise). */
  bin: Bin;
  pieces: Piece[];
  refs: CopyRef[];
  unplaced: GangUnplaced[];
}

/** Problems with the input, each naming its field; empty when the input is usable. */
export function inputProblems(input: GangUpInput): string[] {
  const problems: string[] = [];
  const positive = (value: unknown, field: string) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) problems.push(`${field} must be a finite number > 0`);
  };
  const nonNegative = (value: unknown, field: string) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) problems.push(`${field} must be a finite number ≥ 0`);
  };
  const { target } = input;
  if (!['sheet', 'roll', 'plate'].includes(target.kind)) return [`target.kind must be sheet, roll or plate`];
  positive(target.width, `${target.kind}.width`);
  if (target.kind !== 'roll') positive(target.height, `${target.kind}.height`);
  nonNegative(input.gutter, 'gutter');
  nonNegative(input.bleed, 'bleed');
  if (!Array.isArray(input.items)) return [...problems, 'items must be an array'];
  const seen = new Map<string, number>();
  let copies = 0;
  input.items.forEach((item, i) => {
    if (typeof item.id !== 'string' || item.id.length === 0) problems.push(`items[${i}].id must be a non-empty string`);
    else if (seen.has(item.id)) problems.push(`items[${i}].id "${item.id}" repeats items[${seen.get(item.id)}].id`);
    else seen.set(item.id, i);
    positive(item.width, `items[${i}].width`);
    positive(item.height, `items[${i}].height`);
    const quantity = item.quantity ?? 1;
    if (!Number.isSafeInteger(quantity) || quantity < 0) problems.push(`items[${i}].quantity must be a whole number ≥ 0`);
    else copies += quantity;
  });
  if (copies > MAX_GANG_COPIES) problems.push(`items: ${copies} copies in all, more than the ${MAX_GANG_COPIES} one gang-up can take`);
  return problems;
}

/**
 * Each copy becomes a piece: its trim size plus bleed on every side plus one gutter, in a
 * bin one gutter larger than the sheet. Two grown boxes that touch then leave exactly one
 * gutter between their bleed boxes, and a box touching the far edge has its gutter in the
 * extra strip, so no gutter is lost at the sheet edge. Copies of an item too large for the
 * bin in every allowed orientation are set aside as unplaced.
 */
export function expandCopies(input: GangUpInput): Expanded {
  const { target, gutter, bleed } = input;
  const grow = 2 * bleed + gutter;
  const bin: Bin = { width: target.width + gutter, height: target.kind === 'roll' ? Infinity : target.height + gutter };
  const pieces: Piece[] = [];
  const refs: CopyRef[] = [];
  const unplaced: GangUnplaced[] = [];
  input.items.forEach((item, i) => {
    const quantity = item.quantity ?? 1;
    if (quantity === 0) return;
    const w = item.width + grow;
    const h = item.height + grow;
    const piece: Piece = { w, h, rotatable: item.rotatable === true, area: w * h };
    if (!fitsBin(piece, bin)) {
      unplaced.push({ id: item.id, copies: quantity, reason: 'too-large' });
      return;
    }
    for (let copy = 0; copy < quantity; copy++) {
      pieces.push(piece);
      refs.push({ item: i, copy });
    }
  });
  return { bin, pieces, refs, unplaced };
}
