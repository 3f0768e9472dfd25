import { currencyExponent, toMinorUnits } from '../money.ts';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export type WcMinorResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * A WooCommerce amount ("29.35") in minor units. Shops may set more price decimals than
 * their currency has (0.035 per sticker); WooCommerce then sends e.g. "3.535" and rounds
 * it itself when it charges, so the extra digits are rounded half away from zero here,
 * by string arithmetic, instead of refusing the order.
 */
export function wcAmountToMinor(amount: string | number, currency: string): WcMinorResult {
  const text = typeof amount === 'number' ? numberText(amount) : amount.trim();
  if (text === null) return { ok: false, message: 'is not a finite amount' };
  const exact = toMinorUnits(text, currency);
  if (exact.ok) return exact;

  const match = DECIMAL.exec(text);
  if (!match) return exact;
  const [, sign, whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const kept = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
  const roundsUp = (fraction[exponent] ?? '0') >= '5';
  const minor = kept + (roundsUp ? 1n : 0n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'is too large' };
  const value = Number(minor);
  return { ok: true, value: sign && value !== 0 ? -value : value };
}

// Some plugins write money as JSON numbers; their shortest text form is what was meant.
function numberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : text;
}
