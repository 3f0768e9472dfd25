import { isNumber, type PdfValue } from './objects.ts';

/** [a b c d e f] as in `cm` (PDF 32000-1 §8.3.4). */
export type Matrix = number[];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: m applied first, as `cm` concatenates (PDF 32000-1 §8.4.4). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0]! * n[0]! + m[1]! * n[2]!,
    m[0]! * n[1]! + m[1]! * n[3]!,
    m[2]! * n[0]! + m[3]! * n[2]!,
    m[2]! * n[1]! + m[3]! * n[3]!,
    m[4]! * n[0]! + m[5]! * n[2]! + n[4]!,
    m[4]! * n[1]! + m[5]! * n[3]! + n[5]!,
  ];
}

export function readMatrix(value: PdfValue | undefined, resolve: (value: PdfValue | undefined) => PdfValue | undefined): Matrix | null {
  const array = resolve(value);
  if (!Array.isArray(array) || array.length !== 6) return null;
  const numbers = array.map((v) => resolve(v));
  return numbers.every((v) => isNumber(v)) ? (numbers as number[]) : null;
}

/**
 * The matrix that draws an annotation's appearance into its rectangle (§12.5.5,
 * Algorithm 8.1): the appearance BBox through its Matrix, then scaled and moved onto
 * Rect. Null when the box has no area.
 */
export function appearanceMatrix(box: { x1: number; y1: number; x2: number; y2: number }, matrix: Matrix, rect: { x1: number; y1: number; x2: number; y2: number }): Matrix | null {
  const corners = [
    [box.x1, box.y1],
    [box.x2, box.y1],
    [box.x1, box.y2],
    [box.x2, box.y2],
  ].map(([x, y]) => [x! * matrix[0]! + y! * matrix[2]! + matrix[4]!, x! * matrix[1]! + y! * matrix[3]! + matrix[5]!]);
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  if (!(width > 0) || !(height > 0)) return null;
  const sx = (rect.x2 - rect.x1) / width;
  const sy = (rect.y2 - rect.y1) / height;
  return [sx, 0, 0, sy, rect.x1 - Math.min(...xs) * sx, rect.y1 - Math.min(...ys) * sy];
}
