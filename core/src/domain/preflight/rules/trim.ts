import type { SizeMm } from '../facts.ts';

/** Whether a size matches the trim size within the tolerance, either way round. */
export function matchesTrim(actual: SizeMm, trim: SizeMm, tolerance: number): boolean {
  const fits = (w: number, h: number) => Math.abs(w - trim.width) <= tolerance && Math.abs(h - trim.height) <= tolerance;
  return fits(actual.width, actual.height) || fits(actual.height, actual.width);
}

/**
 * The bleed a page carries without boxes: a MediaBox that is the trim size plus the
 * same margin on every side is an artwork exported "with bleed" and no TrimBox.
 */
export function impliedBleed(media: SizeMm, trim: SizeMm, tolerance: number): number | null {
  for (const [w, h] of [[trim.width, trim.height], [trim.height, trim.width]] as const) {
    const bx = (media.width - w) / 2;
    const by = (media.height - h) / 2;
    if (bx > tolerance && Math.abs(bx - by) <= tolerance) return Math.min(bx, by);
  }
  return null;
}

/** Pixels per inch when `pixels` span `lengthMm`. */
export function ppiAt(pixels: number, lengthMm: number): number {
  return lengthMm > 0 ? pixels / (lengthMm / 25.4) : 0;
}
