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
