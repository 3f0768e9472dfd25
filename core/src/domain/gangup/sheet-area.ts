import type { GangTarget } from './gangup-types.ts';

/** Height kept clear at the top of every sheet for the slug line (run, orders, sheet number). */
export const SLUG_MM = 6;

/**
 * The area items are packed into: a printed sheet keeps its top `SLUG_MM` for the slug
 * line, so imposition never writes over artwork; rolls and build plates use all of it.
 */
export function packingArea(target: GangTarget): GangTarget | null {
  if (target.kind !== 'sheet') return target;
  if (target.height <= SLUG_MM) return null;
  return { kind: 'sheet', width: target.width, height: target.height - SLUG_MM };
}
