import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent } from '../money.ts';
import { isoToOdooDatetime, odooAmountToMinor, odooDatetimeToIso, odooQuantity } from './odoo-values.ts';

describe('odooAmountToMinor', () => {
  it('reads the decimal a float stands for, in the currency’s minor units', () => {
    expect(odooAmountToMinor(115.0, 'USD')).toEqual({ ok: true, value: 11500 });
    expect(odooAmountToMinor(12.35, 'USD')).toEqual({ ok: true, value: 1235 });
    expect(odooAmountToMinor(1500, 'JPY')).toEqual({ ok: true, value: 1500 });
    expect(odooAmountToMinor(1.25, 'KWD')).toEqual({ ok: true, value: 1250 });
    expect(odooAmountToMinor(-4.5, 'EUR')).toEqual({ ok: true, value: -450 });
  });

  it('drops float noise instead of truncating it', () => {
    expect(odooAmountToMinor(0.1 + 0.2, 'USD')).toEqual({ ok: true, value: 30 });
    expect(odooAmountToMinor(1.15 * 3, 'USD')).toEqual({ ok: true, value: 345 });
    expect(odooAmountToMinor(4.35 * 100 / 100, 'USD')).toEqual({ ok: true, value: 435 });
  });

  it('rounds a finer unit price half up, as Odoo’s float_round does', () => {
    expect(odooAmountToMinor(0.035, 'USD')).toEqual({ ok: true, value: 4 });
    expect(odooAmountToMinor(1.005, 'USD')).toEqual({ ok: true, value: 101 });
    expect(odooAmountToMinor(0.0349, 'USD')).toEqual({ ok: true, value: 3 });
    expect(odooAmountToMinor(-0.005, 'USD')).toEqual({ ok: true, value: -1 });
    expect(odooAmountToMinor(1e-7, 'USD')).toEqual({ ok: true, value: 0 });
  });

  it('refuses what is not an amount', () => {
    expect(odooAmountToMinor(Number.NaN, 'USD').ok).toBe(false);
    expect(odooAmountToMinor(1e300, 'USD')).toEqual({ ok: false, message: 'is too large' });
  });

  it('gets back every amount Odoo could have stored', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'), (minor, currency) => {
        // What Odoo holds: the decimal rounded to the currency, read back as a Python float.
        const asFloat = Number((minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency)));
        expect(odooAmountToMinor(asFloat, currency)).toEqual({ ok: true, value: minor });
      }),
    );
  });
});

describe('odooQuantity', () => {
  it('takes whole quantities and refuses fractions with the reason', () => {
    expect(odooQuantity(2.0)).toEqual({ ok: true, value: 2 });
    expect(odooQuantity(0)).toEqual({ ok: true, value: 0 });
    const half = odooQuantity(2.5);
    expect(half.ok).toBe(false);
    expect(!half.ok && half.message).toMatch(/^2\.5 is not a whole number: Pressline produces whole units/);
    expect(odooQuantity(-1).ok).toBe(false);
  });
});

describe('Odoo datetimes', () => {
  it('reads naive UTC text as an instant and writes one back', () => {
    expect(odooDatetimeToIso('2026-03-02 09:15:00')).toBe('2026-03-02T09:15:00.000Z');
    expect(odooDatetimeToIso('2026-03-02 09:15:00.123456')).toBe('2026-03-02T09:15:00.123Z');
    expect(odooDatetimeToIso('2026-02-30 09:15:00')).toBeNull();
    expect(odooDatetimeToIso('2026-03-02 24:00:00')).toBeNull();
    expect(odooDatetimeToIso('02/03/2026')).toBeNull();
    expect(isoToOdooDatetime('2026-03-02T10:15:00.900+01:00')).toBe('2026-03-02 09:15:00');
    expect(isoToOdooDatetime('yesterday')).toBeNull();
  });
});
