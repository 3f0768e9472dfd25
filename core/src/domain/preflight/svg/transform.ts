import { NumberScanner } from './number-scanner.ts';

/** The linear part of a 2D affine transform (translation never changes a size). */
export interface Linear {
  a: number;
  b: number;
  c: number;
  d: number;
}

export const IDENTITY: Linear = { a: 1, b: 0, c: 0, d: 1 };

export function multiply(m: Linear, n: Linear): Linear {
  return { a: m.a * n.a + m.c * n.b, b: m.b * n.a + m.d * n.b, c: m.a * n.c + m.c * n.d, d: m.b * n.c + m.d * n.d };
}

/** How much lengths grow on average: √|det| (a stroke under non-uniform scale is not one width). */
export function meanScale(m: Linear): number {
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
}

/** The scale along the element's own x and y axes. */
export function axisScales(m: Linear): { x: number; y: number } {
  return { x: Math.hypot(m.a, m.b), y: Math.hypot(m.c, m.d) };
}

/** Parses an SVG `transform` list; an unreadable list means no transform, as in renderers. */
export function parseTransform(text: string | undefined): Linear {
  if (!text) return IDENTITY;
  let result = IDENTITY;
  const pattern = /(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const scan = new NumberScanner(match[2]!);
    const args: number[] = [];
    for (let value = scan.number(); value !== null && args.length < 6; value = scan.number()) args.push(value);
    const step = toLinear(match[1]!, args);
    if (!step) return IDENTITY;
    result = multiply(result, step);
  }
  return result;
}

function toLinear(name: string, args: number[]): Linear | null {
  const [p = NaN, q] = args;
  const radians = (p * Math.PI) / 180;
  switch (name) {
    case 'matrix':
      return args.length === 6 ? { a: args[0]!, b: args[1]!, c: args[2]!, d: args[3]! } : null;
    case 'translate':
      return args.length >= 1 ? IDENTITY : null;
    case 'scale':
      return args.length >= 1 ? { a: p, b: 0, c: 0, d: q ?? p } : null;
    case 'rotate':
      return args.length >= 1 ? { a: Math.cos(radians), b: Math.sin(radians), c: -Math.sin(radians), d: Math.cos(radians) } : null;
    case 'skewX':
      return args.length >= 1 ? { a: 1, b: 0, c: Math.tan(radians), d: 1 } : null;
    case 'skewY':
      return args.length >= 1 ? { a: 1, b: Math.tan(radians), c: 0, d: 1 } : null;
    default:
      return null;
  }
}
