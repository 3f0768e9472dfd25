import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyExponent, formatMinorUnits, toMinorUnits } from './money.ts';

describe('currencyExponent', () => {
  it('knows zero, two and three decimal currencies', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('krw')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    for (const code of ['KWD', 'BHD', 'JOD', 'OMR', 'TND']) expect(currencyExponent(code)).toBe(3);
  });
});

describe('toMinorUnits', () => {
  it.each([
    ['199.65', 'USD', 19965],
    ['0.00', 'USD', 0],
    ['10', 'USD', 1000],
    ['10.5', 'EUR', 1050],
    ['0.07', 'USD', 7],
    // 0.1 + 0.2 style float traps stay exact
    ['0.29', 'USD', 29],
    ['1.005', 'KWD', 1005],
    ['1.25', 'KWD', 1250],
    ['1500', 'JPY', 1500],
    ['1500.00', 'JPY', 1500],
    ['-20.00', 'USD', -2000],
    ['-0.00', 'USD', 0],
    ['90071992547409.91', 'USD', 9007199254740991],
  ])('%s %s → %d', (amount, currency, expected) => {
    expect(toMinorUnits(amount, currency)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'USD'],
    ['abc', 'USD'],
    ['1e3', 'USD'],
    ['1.', 'USD'],
    ['.5', 'USD'],
    [' 1.00', 'USD'],
    ['1,00', 'EUR'],
    ['Infinity', 'USD'],
  ])('refuses %j', (amount, currency) => {
    expect(toMinorUnits(amount, currency)).toMatchObject({ ok: false, message: 'is not a decimal amount' });
  });

  it('refuses precision it would have to round away', () => {
    expect(toMinorUnits('1.999', 'USD')).toMatchObject({ ok: false });
    expect(toMinorUnits('100.5', 'JPY')).toMatchObject({ ok: false });
    expect(toMinorUnits('1.0001', 'KWD')).toMatchObject({ ok: false });
  });

  it('refuses amounts beyond a safe integer of minor units', () => {
    expect(toMinorUnits('90071992547409.92', 'USD')).toEqual({ ok: false, message: 'is too large' });
  });
});

describe('formatMinorUnits', () => {
  it('writes the decimal form for the currency', () => {
    expect(formatMinorUnits(19965, 'USD')).toBe('199.65');
    expect(formatMinorUnits(5, 'USD')).toBe('0.05');
    expect(formatMinorUnits(-5, 'USD')).toBe('-0.05');
    expect(formatMinorUnits(1500, 'JPY')).toBe('1500');
    expect(formatMinorUnits(1250n, 'KWD')).toBe('1.250');
  });

  it('round-trips with toMinorUnits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'),
        (minor, currency) => {
          expect(toMinorUnits(formatMinorUnits(minor, currency), currency)).toEqual({ ok: true, value: minor === 0 ? 0 : minor });
        },
      ),
    );
  });
});
