import type { Bleed, BoxMm } from '../facts.ts';
import { isNumber, type PdfValue } from './objects.ts';

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const MM_PER_POINT = 25.4 / 72;
const round = (value: number) => Math.round(value * 1000) / 1000;

/** A rectangle array, normalised so x1 < x2 and y1 < y2; null when it isn't four numbers with an area. */
export function readRect(value: PdfValue | undefined, resolve: (v: PdfValue | undefined) => PdfValue | undefined): Rect | null {
  const array = resolve(value);
  if (!Array.isArray(array) || array.length < 4) return null;
  const n = array.slice(0, 4).map((item) => resolve(item));
  if (!n.every((item) => isNumber(item))) return null;
  const [a, b, c, d] = n as number[];
  const rect = { x1: Math.min(a!, c!), y1: Math.min(b!, d!), x2: Math.max(a!, c!), y2: Math.max(b!, d!) };
  return rect.x2 - rect.x1 > 0 && rect.y2 - rect.y1 > 0 ? rect : null;
}

/** Boxes other than the MediaBox are clipped to it (§14.11.2); one entirely outside it is ignored. */
export function clip(rect: Rect | null, to: Rect): Rect | null {
  if (!rect) return null;
  const clipped = { x1: Math.max(rect.x1, to.x1), y1: Math.max(rect.y1, to.y1), x2: Math.min(rect.x2, to.x2), y2: Math.min(rect.y2, to.y2) };
  return clipped.x2 > clipped.x1 && clipped.y2 > clipped.y1 ? clipped : null;
}

/** In mm, in the page's own coordinates (before /Rotate, which PdfPageFacts carries beside it). */
export function toMm(rect: Rect, userUnit: number): BoxMm {
  const k = MM_PER_POINT * userUnit;
  return { x: round(rect.x1 * k), y: round(rect.y1 * k), width: round((rect.x2 - rect.x1) * k), height: round((rect.y2 - rect.y1) * k) };
}

/** How far the BleedBox reaches past the TrimBox on each side, in unrotated page terms (top = larger y). */
export function bleedOf(trim: Rect, bleed: Rect, userUnit: number): Bleed {
  const k = MM_PER_POINT * userUnit;
  const side = (value: number) => round(Math.max(0, value) * k);
  return { top: side(bleed.y2 - trim.y2), right: side(bleed.x2 - trim.x2), bottom: side(trim.y1 - bleed.y1), left: side(trim.x1 - bleed.x1) };
}
