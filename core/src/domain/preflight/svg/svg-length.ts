/** CSS px per unit: SVG user units are px, and CSS fixes 96 px to the inch. */
const PX_PER_UNIT: Record<string, number> = { px: 1, '': 1, mm: 96 / 25.4, cm: 96 / 2.54, q: 96 / 101.6, in: 96, pt: 96 / 72, pc: 16, em: 16, ex: 8 };

export const MM_PER_PX = 25.4 / 96;

export interface Length {
  value: number;
  /** Lower-case unit as written; '' for none, '%' for a percentage. */
  unit: string;
}

export function parseLength(text: string | undefined): Length | null {
  if (text === undefined) return null;
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(px|mm|cm|q|in|pt|pc|em|ex|%)?\s*$/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isFinite(value) ? { value, unit: (match[2] ?? '').toLowerCase() } : null;
}

/** A length in user units (px); `percentOf` is what 100% means here. Null if unreadable. */
export function toUserUnits(text: string | undefined, percentOf: number): number | null {
  const length = parseLength(text);
  if (!length) return null;
  if (length.unit === '%') return (length.value / 100) * percentOf;
  return length.value * PX_PER_UNIT[length.unit]!;
}

/** Millimetres for a physical unit (not '', '%', em, ex); null otherwise. */
export function toMm(length: Length): number | null {
  if (!['px', 'mm', 'cm', 'q', 'in', 'pt', 'pc'].includes(length.unit)) return null;
  return length.value * PX_PER_UNIT[length.unit]! * MM_PER_PX;
}

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function parseViewBox(text: string | undefined): ViewBox | null {
  if (!text) return null;
  const numbers = numberList(text);
  if (numbers.length !== 4 || numbers[2]! <= 0 || numbers[3]! <= 0) return null;
  return { x: numbers[0]!, y: numbers[1]!, width: numbers[2]!, height: numbers[3]! };
}

/** Numbers separated by commas and/or whitespace (viewBox, points); stops at the first bad token. */
export function numberList(text: string): number[] {
  const out: number[] = [];
  for (const token of text.split(/[\s,]+/)) {
    if (token === '') continue;
    const value = Number(token);
    if (!Number.isFinite(value)) break;
    out.push(value);
  }
  return out;
}
