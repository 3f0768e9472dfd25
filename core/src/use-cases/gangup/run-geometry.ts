import type { GangTarget } from '../../domain/index.ts';
import { packingArea, SLUG_MM } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';

/** Larger than any press sheet or bed; keeps a typo from asking for a kilometre-wide PDF page. */
const MAX_SIZE_MM = 5_000;

/** Refuses a sheet, roll or plate, gutter or bleed no shop could mean, naming each field. */
export function validateRunGeometry(target: GangTarget, gutter: number, bleed: number): void {
  const problems: string[] = [];
  const size = (name: string, value: number) => {
    if (!Number.isFinite(value) || value <= 0 || value > MAX_SIZE_MM) problems.push(`target.${name} must be more than 0 and at most ${MAX_SIZE_MM} mm`);
  };
  size('width', target.width);
  if (target.kind !== 'roll') size('height', target.height);
  if (!Number.isFinite(gutter) || gutter < 0 || gutter > 100) problems.push('gutter must be from 0 to 100 mm');
  if (!Number.isFinite(bleed) || bleed < 0 || bleed > 50) problems.push('bleed must be from 0 to 50 mm');
  if (problems.length === 0 && !packingArea(target)) problems.push(`target.height must be more than the ${SLUG_MM} mm kept for the slug line`);
  if (problems.length > 0) throw new BadRequestError(`Invalid gang run: ${problems.join('; ')}`, { problems });
}
