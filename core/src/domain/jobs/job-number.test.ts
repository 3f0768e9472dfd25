import { describe, expect, it } from 'vitest';
import { FIRST_JOB_NUMBER, formatJobNumber, parseJobNumber } from './job-number.ts';

describe('job numbers', () => {
  it('formats with the J- prefix and starts at 1001', () => {
    expect(formatJobNumber(1042)).toBe('J-1042');
    expect(formatJobNumber(FIRST_JOB_NUMBER)).toBe('J-1001');
  });

  it.each([0, -5, 1.5, Number.NaN, 2 ** 53])('refuses to format %s', (n) => {
    expect(() => formatJobNumber(n)).toThrow(RangeError);
  });

  it.each([
    ['J-1042', 1042],
    ['j1042', 1042],
    ['J1042', 1042],
    ['1042', 1042],
    ['#J-1042', 1042],
    ['  #j-1042\n', 1042],
    ['1', 1],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d', (input, expected) => {
    expect(parseJobNumber(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'J-',
    'J-0',
    '0',
    '-1042',
    'J--1042',
    'J- 1042',
    'J-1042x',
    '10.5',
    '1e3',
    '#1042',
    'JJ-1042',
    'K-1042',
    'J-01042',
    '١٠٤٢',
    String(Number.MAX_SAFE_INTEGER + 2),
  ])('rejects %j', (input) => {
    expect(parseJobNumber(input)).toBeNull();
  });

  it('reads back every number it formats', () => {
    for (const n of [1, 9, 10, 1001, 99_999, 1_234_567, Number.MAX_SAFE_INTEGER]) {
      expect(parseJobNumber(formatJobNumber(n))).toBe(n);
    }
  });
});
