/**
 * A cursor over text bytes for the ASCII STL and OBJ readers. Numbers are read straight
 * from the bytes: no substring and no parseFloat per number, which is most of the cost
 * of reading a text mesh.
 */

const POW10 = new Float64Array(309);
for (let i = 0; i < POW10.length; i++) POW10[i] = Number(`1e${i}`);

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

export function isSpace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === CR || byte === LF || byte === 11 || byte === 12;
}

export class ByteScanner {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  skipSpaces(): void {
    const bytes = this.bytes;
    let i = this.pos;
    while (i < bytes.length && isSpace(bytes[i]!)) i++;
    this.pos = i;
  }

  /** Spaces and tabs only: stays on the line. */
  skipBlanks(): void {
    const bytes = this.bytes;
    let i = this.pos;
    while (i < bytes.length && (bytes[i] === SPACE || bytes[i] === TAB || bytes[i] === CR)) i++;
    this.pos = i;
  }

  skipLine(): void {
    const bytes = this.bytes;
    let i = this.pos;
    while (i < bytes.length && bytes[i] !== LF) i++;
    this.pos = i < bytes.length ? i + 1 : i;
  }

  atLineEnd(): boolean {
    return this.pos >= this.bytes.length || this.bytes[this.pos] === LF;
  }

  /** The bytes up to the next space, lower-cased ASCII, capped so a binary blob cannot build a huge string. */
  word(max = 32): string {
    const bytes = this.bytes;
    const start = this.pos;
    let i = start;
    while (i < bytes.length && !isSpace(bytes[i]!)) i++;
    this.pos = i;
    let text = '';
    for (let j = start; j < Math.min(i, start + max); j++) {
      const byte = bytes[j]!;
      text += String.fromCharCode(byte >= 65 && byte <= 90 ? byte + 32 : byte);
    }
    return text;
  }

  /** A decimal number (sign, digits, fraction, exponent); NaN, cursor unmoved, when there is none. */
  number(): number {
    const bytes = this.bytes;
    const end = bytes.length;
    let i = this.pos;
    let negative = false;
    if (bytes[i] === 45) {
      negative = true;
      i++;
    } else if (bytes[i] === 43) i++;
    let mantissa = 0;
    let significant = 0;
    let exponent = 0;
    let digits = 0;
    for (; i < end; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      digits++;
      // Past 17 significant digits a double cannot tell the difference; count the magnitude only.
      if (significant < 17) {
        mantissa = mantissa * 10 + d;
        if (mantissa !== 0) significant++;
      } else exponent++;
    }
    if (bytes[i] === 46) {
      for (i++; i < end; i++) {
        const d = bytes[i]! - 48;
        if (d < 0 || d > 9) break;
        digits++;
        if (significant < 17) {
          mantissa = mantissa * 10 + d;
          if (mantissa !== 0) significant++;
          exponent--;
        }
      }
    }
    if (digits === 0) return Number.NaN;
    const e = bytes[i];
    if (e === 101 || e === 69) {
      let j = i + 1;
      let expNegative = false;
      if (bytes[j] === 45) {
        expNegative = true;
        j++;
      } else if (bytes[j] === 43) j++;
      let written = 0;
      let expDigits = 0;
      for (; j < end; j++) {
        const d = bytes[j]! - 48;
        if (d < 0 || d > 9) break;
        expDigits++;
        if (written < 100_000) written = written * 10 + d;
      }
      if (expDigits > 0) {
        exponent += expNegative ? -written : written;
        i = j;
      }
    }
    this.pos = i;
    let value: number;
    if (mantissa === 0) value = 0;
    else if (exponent >= 0) value = exponent > 308 ? Number.POSITIVE_INFINITY : mantissa * POW10[exponent]!;
    else if (exponent >= -308) value = mantissa / POW10[-exponent]!;
    else value = -exponent > 650 ? 0 : mantissa / 1e308 / POW10[-exponent - 308]!;
    return negative ? -value : value;
  }

  /** An integer, possibly negative; NaN when there is none or it has more than 15 digits. */
  integer(): number {
    const bytes = this.bytes;
    let i = this.pos;
    let negative = false;
    if (bytes[i] === 45) {
      negative = true;
      i++;
    } else if (bytes[i] === 43) i++;
    let value = 0;
    let digits = 0;
    for (; i < bytes.length; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      digits++;
    }
    if (digits === 0 || digits > 15) return Number.NaN;
    this.pos = i;
    return negative ? -value : value;
  }
}
