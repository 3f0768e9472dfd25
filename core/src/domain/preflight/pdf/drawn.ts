import type { PlacedImage } from '../facts.ts';
import type { Matrix } from './matrix.ts';
import type { PdfDict } from './objects.ts';

/** An image drawn by a content stream, with the CTM it was drawn at in that stream's own space. */
export interface Placement {
  name: string;
  widthPx: number;
  heightPx: number;
  matrix: Matrix;
  colorSpace: string | undefined;
}

/**
 * What one content stream draws, in its own space: a form's is worked out once and then
 * placed wherever the form is drawn (only the CTM's linear part matters for ppi), so a
 * logo form used 10,000 times, or forms that fan out into each other, cost one reading each.
 */
export interface Drawn {
  placements: Map<string, Placement>;
  colorSpaces: Set<string>;
  fonts: Set<PdfDict>;
  transparency: boolean;
  unreadable: boolean;
}

/** Distinct image placements kept per content stream and per page. */
const MAX_PLACEMENTS = 2_000;

export const emptyDrawn = (): Drawn => ({ placements: new Map(), colorSpaces: new Set(), fonts: new Set(), transparency: false, unreadable: false });

export function place(drawn: Drawn, placement: Placement): void {
  const [a, b, c, d] = placement.matrix;
  const key = `${placement.name}|${placement.widthPx}|${placement.heightPx}|${a!.toPrecision(6)}|${b!.toPrecision(6)}|${c!.toPrecision(6)}|${d!.toPrecision(6)}`;
  if (!drawn.placements.has(key) && drawn.placements.size < MAX_PLACEMENTS) drawn.placements.set(key, placement);
}

/** Pixels per inch at the placed size, the lower of the two axes; null for a placement with no area (it prints nothing). */
export function placedImage(placement: Placement, userUnit: number): PlacedImage | null {
  const [a, b, c, d] = placement.matrix;
  const widthPt = Math.hypot(a!, b!) * userUnit;
  const heightPt = Math.hypot(c!, d!) * userUnit;
  if (widthPt < 1e-6 || heightPt < 1e-6) return null;
  const ppi = Math.min((placement.widthPx * 72) / widthPt, (placement.heightPx * 72) / heightPt);
  const image: PlacedImage = { name: placement.name, widthPx: placement.widthPx, heightPx: placement.heightPx, effectivePpi: Math.round(ppi * 10) / 10 };
  if (placement.colorSpace) image.colorSpace = placement.colorSpace;
  return image;
}
