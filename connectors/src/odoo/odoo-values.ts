import { currencyExponent, toMinorUnits, type MinorUnitsResult } from '../money.ts';

// Odoo hands money and quantities over as floats and datetimes as naive UTC text. These
// are the only conversions from those forms; nothing else in odoo/ does arithmetic on them.

/**
 * An Odoo float amount in minor units of `currency`.
 *
 * Python's `repr` (what XML-RPC and JSON carry) and JavaScript's `String` both write a
 * float as the shortest text that reads back as the same float, so `String(value)` is the
 * decimal Odoo stored ("115.0" arrives as 115, "12.35" as 12.35). What is left past the
 * currency's decimals is either float noise (0.30000000000000004) or a unit price kept at a
 * finer "Product Price" precision than the currency (0.035 USD); both are rounded half away
 * from zero on the decimal text, as Odoo's own `float_round` does (HALF-UP).
 */
export function odooAmountToMinor(value: number, currency: string): MinorUnitsResult {
  if (!Number.isFinite(value)) return { ok: false, message: 'is not a finite number' };
  const rounded = roundDecimal(plainDecimal(value), currencyExponent(currency));
  return toMinorUnits(rounded, currency);
}

export type QuantityResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * `product_uom_qty` as a count of units. Odoo lets a unit of measure be fractional (kg, m,
 * hours); Pressline makes whole items, so a fraction is refused rather than rounded.
 */
export function odooQuantity(value: number): QuantityResult {
  if (!Number.isFinite(value) || value < 0) return { ok: false, message: `${String(value)} is not a quantity Pressline can produce` };
  if (!Number.isSafeInteger(value)) {
    return {
      ok: false,
      message: `${String(value)} is not a whole number: Pressline produces whole units, so sell this product in a unit of measure counted in whole items (e.g. Units), not by weight, length or time`,
    };
  }
  return { ok: true, value: value + 0 };
}

const ODOO_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)$/;

/** Odoo's "YYYY-MM-DD HH:MM:SS" (always UTC, without a zone) as ISO 8601; null when it isn't one. */
export function odooDatetimeToIso(value: string): string | null {
  const match = ODOO_DATETIME.exec(value);
  if (!match) return null;
  const time = Date.parse(`${match[1]}T${match[2]}Z`);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  // Date.parse rolls "02-30" over into March; Odoo never writes such a date.
  return iso.startsWith(`${match[1]}T${match[2]!.slice(0, 8)}`) ? iso : null;
}

/** An instant as Odoo writes datetimes in domains: UTC, whole seconds, rounded down. */
export function isoToOdooDatetime(iso: string): string | null {
  const time = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time)) return null;
  return new Date(Math.floor(time / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A finite number as plain decimal text, without exponent ("1e-7" → "0.0000001"). */
function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Rounds decimal text to `places` decimals, half away from zero, by digit arithmetic. */
function roundDecimal(text: string, places: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length <= places) return text;
  const kept = fraction.slice(0, places);
  const roundUp = (fraction[places] ?? '0') >= '5';
  const scaled = BigInt(whole + kept) + (roundUp ? 1n : 0n);
  const digits = scaled.toString().padStart(places + 1, '0');
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return scaled === 0n ? body : sign + body;
}
