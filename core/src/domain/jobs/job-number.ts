export const FIRST_JOB_NUMBER = 1001;

/** `1042` → `J-1042`. A number that is not a positive safe integer is a bug upstream. */
export function formatJobNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Job number must be a positive integer, got ${n}`);
  }
  return `J-${n}`;
}

// `#` only with the J prefix: a bare `#1042` is how storefronts write order numbers.
const JOB_NUMBER = /^(?:#?J-?)?([1-9]\d*)$/i;

/** Reads what an operator types or scans: `J-1042`, `j1042`, `1042`, `#J-1042`. */
export function parseJobNumber(s: string): number | null {
  const match = JOB_NUMBER.exec(s.trim());
  const digits = match?.[1];
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
