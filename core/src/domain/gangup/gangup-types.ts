/**
 * Public shapes of the gang-up packer.
 *
 * Geometry conventions (one unit throughout, whatever the caller uses, e.g. mm):
 * - The origin is a corner of the sheet, plate or roll start; x runs along the width,
 *   y along the height (for a roll: along its length, from where it starts).
 * - A placement is the item's TRIM box as placed: `width`/`height` are the trim size
 *   after rotation. Its bleed lies around it (`bleed` on each side) and always inside
 *   the sheet, so a placement is at least `bleed` away from every edge.
 * - `gutter` is the clear space between the bleed boxes of two neighbours. It is not
 *   kept at the sheet edge: a bleed box may touch the edge.
 * - `rotated` means turned by 90°: the trim box is `height × width` of the item.
 */
export type GangTarget =
  | { kind: 'sheet'; width: number; height: number }
  | { kind: 'roll'; width: number }
  /** A printer build plate: parts' footprints, `gutter` is the spacing between parts. */
  | { kind: 'plate'; width: number; height: number };

export interface GangItemInput {
  id: string;
  width: number;
  height: number;
  /** Copies to place; 1 when absent. */
  quantity?: number;
  /** May be turned by 90°; false when absent (artwork and grain usually fix it). */
  rotatable?: boolean;
}

export interface GangUpInput {
  target: GangTarget;
  gutter: number;
  bleed: number;
  items: GangItemInput[];
}

/**
 * The improvement phase's budget. The domain reads no clock: the caller decides when
 * to stop (`shouldStop`, asked once per improvement step) and/or caps the steps.
 * With neither, a modest fixed number of steps runs, so the result is reproducible.
 */
export interface GangUpBudget {
  shouldStop?: () => boolean;
  maxIterations?: number;
  /** Seed of the packer's own PRNG; same input, seed and steps give the same layout. */
  seed?: number;
}

export interface GangPlacement {
  id: string;
  /** 0-based copy number within the item's quantity. */
  copy: number;
  x: number;
  y: number;
  width: number;
  height: number;
  rotated: boolean;
}

export interface GangSheet {
  placements: GangPlacement[];
}

export type GangLayout =
  | { kind: 'sheets'; sheets: GangSheet[] }
  | { kind: 'roll'; length: number; placements: GangPlacement[] };

/** Copies that fit no sheet, plate or roll in any allowed orientation (bleed included). */
export interface GangUnplaced {
  id: string;
  copies: number;
  reason: 'too-large';
}

export interface GangUpResult {
  ok: true;
  layout: GangLayout;
  unplaced: GangUnplaced[];
  /** Trim area placed / area used (sheets × sheet area, or roll width × length); 0 when empty. */
  utilization: number;
  /** The same without the last sheet (which is usually part-filled); equals `utilization` for a roll or a single sheet. */
  utilizationExcludingLast: number;
  /** Sheets (or roll length) no packing can beat: a proof of how close the layout is. */
  lowerBound: number;
}

export interface GangUpRejected {
  ok: false;
  reason: 'invalid-input';
  /** One message per problem, each naming the field, e.g. `items[2].width must be > 0`. */
  problems: string[];
}

export type GangUpOutcome = GangUpResult | GangUpRejected;
