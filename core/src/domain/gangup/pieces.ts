/**
 * The packer's inner problem: pieces (footprints already grown by bleed and gutter, see
 * copies.ts) into W × H bins. Positions are those of the grown boxes.
 */
export interface Piece {
  w: number;
  h: number;
  rotatable: boolean;
  area: number;
}

export interface Slot {
  piece: number;
  x: number;
  y: number;
  /** Size as placed (swapped when rotated). */
  w: number;
  h: number;
  rotated: boolean;
}

export interface Bin {
  width: number;
  height: number;
}

/**
 * Where a piece goes inside a free rectangle, lower scores better:
 * bssf best short side fit, blsf best long side fit, baf best area fit,
 * bl bottom-left (lowest top edge), cp contact point (most perimeter touching).
 */
export type Rule = 'bssf' | 'blsf' | 'baf' | 'bl' | 'cp';
export const RULES: readonly Rule[] = ['bssf', 'cp', 'bl', 'baf', 'blsf'];

export function fitsBin(piece: Piece, bin: Bin): boolean {
  return (piece.w <= bin.width && piece.h <= bin.height) || (piece.rotatable && piece.h <= bin.width && piece.w <= bin.height);
}
