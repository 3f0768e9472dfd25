/**
 * Decimal amounts as platforms send them ("199.65") to integer minor units and back,
 * by string arithmetic only: a float never touches a price.
 */

// ISO 4217 minor-unit exponents that differ from the usual 2.
const ZERO_DECIMAL = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG',
  'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export type MinorUnitsResult = { ok: true; value: number } | { ok: false; message: string };

/** Number of decimal places of the currency's minor unit (JPY 0, USD 2, KWD 3). */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/**
 * "199.65" USD → 19965; "1500" JPY → 1500; "1.250" KWD → 1250.
 * Trailing zeros beyond the exponent are accepted ("1000.00" JPY → 1000); any other
 * extra precision is refused rather than rounded.
 */
export function toMinorUnits(amount: string, currency: string): MinorUnitsResult {
  const match = DECIMAL.exec(amount);
  if (!match) return { ok: false, message: 'is not a decimal amount' };
  const [, sign, whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (/[^0]/.test(fraction.slice(exponent))) {
    return { ok: false, message: `has more than ${exponent} decimal places for ${currency.toUpperCase()}` };
  }
  const minor = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'is too large' };
  const value = Number(minor);
  return { ok: true, value: sign && value !== 0 ? -value : value };
}

/** 19965 USD → "199.65"; 1500 JPY → "1500"; -5 USD → "-0.05". */
export function formatMinorUnits(minor: number | bigint, currency: string): string {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError('minor units must be a safe integer');
  }
  const value = BigInt(minor);
  const exponent = currencyExponent(currency);
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  const sign = value < 0n ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
