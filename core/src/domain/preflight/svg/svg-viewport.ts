import type { SizeMm } from '../facts.ts';
import { MM_PER_PX, parseLength, parseViewBox, toMm, type ViewBox } from './svg-length.ts';

export interface Viewport {
  sizeMm: SizeMm | null;
  viewBox: ViewBox | null;
  units: string;
  /** Millimetres per user unit along x and y. */
  mmPerUnit: { x: number; y: number };
  /** What 100% of a stroke width is, in user units (the normalised viewport diagonal). */
  percentBase: number;
}

const PHYSICAL = new Set(['mm', 'cm', 'q', 'in', 'pt', 'pc', 'px']);

/**
 * The outermost `<svg>`'s physical size and the millimetres per user unit. Without units
 * the size is unknown (sizeMm null) but user units are still read as CSS px at 96 per inch,
 * which is what browsers, Inkscape and laser software assume, so stroke widths stay comparable.
 */
export function readViewport(attributes: Record<string, string>): Viewport {
  const width = parseLength(attributes.width);
  const height = parseLength(attributes.height);
  const viewBox = parseViewBox(attributes.viewBox);
  let widthMm = width && width.value > 0 ? toMm(width) : null;
  let heightMm = height && height.value > 0 ? toMm(height) : null;
  if (viewBox && widthMm !== null && heightMm === null && !attributes.height) heightMm = (widthMm * viewBox.height) / viewBox.width;
  if (viewBox && heightMm !== null && widthMm === null && !attributes.width) widthMm = (heightMm * viewBox.width) / viewBox.height;
  const sizeMm = widthMm !== null && heightMm !== null ? { width: round(widthMm), height: round(heightMm) } : null;
  const unit = width?.unit ?? height?.unit ?? '';
  const units = unit === 'q' ? 'Q' : PHYSICAL.has(unit) ? unit : unit === '' ? 'none' : unit;

  // The viewport in mm, however the size was given (unitless lengths are px).
  const pxOrNull = (length: typeof width) => (length && length.value > 0 && length.unit === '' ? length.value * MM_PER_PX : null);
  const viewportX = widthMm ?? pxOrNull(width);
  const viewportY = heightMm ?? pxOrNull(height);
  let mmPerUnit = { x: MM_PER_PX, y: MM_PER_PX };
  if (viewBox) {
    const x = (viewportX ?? viewBox.width * MM_PER_PX) / viewBox.width;
    const y = (viewportY ?? viewBox.height * MM_PER_PX) / viewBox.height;
    // preserveAspectRatio other than "none" scales uniformly (meet: the smaller factor).
    const uniform = !/^\s*none/.test(attributes.preserveAspectRatio ?? '');
    const slice = /slice/.test(attributes.preserveAspectRatio ?? '');
    const both = slice ? Math.max(x, y) : Math.min(x, y);
    mmPerUnit = uniform ? { x: both, y: both } : { x, y };
  }
  const base = viewBox ?? { width: (viewportX ?? 100 * MM_PER_PX) / MM_PER_PX, height: (viewportY ?? 100 * MM_PER_PX) / MM_PER_PX };
  return { sizeMm, viewBox, units, mmPerUnit, percentBase: Math.sqrt((base.width ** 2 + base.height ** 2) / 2) };
}

function round(mm: number): number {
  return Math.round(mm * 1000) / 1000;
}
