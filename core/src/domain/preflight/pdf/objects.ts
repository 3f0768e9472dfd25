/**
 * The PDF object model this reader builds: names are JS strings, strings are bytes
 * (we never need their text), dictionaries are Maps, streams point into the file's
 * bytes without copying them.
 */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfString {
  constructor(
    /** The bytes as written, between the parentheses or angle brackets. */
    readonly raw: Uint8Array,
    readonly hex: boolean,
  ) {}

  /** The string's bytes with escapes (literal) or hex digits (hex) undone (§7.3.4). */
  bytes(): Uint8Array {
    return this.hex ? decodeHexString(this.raw) : decodeLiteralString(this.raw);
  }
}

function decodeHexString(raw: Uint8Array): Uint8Array {
  const out: number[] = [];
  let high = -1;
  for (const c of raw) {
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return Uint8Array.from(out);
}

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

function decodeLiteralString(raw: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 0x0d) {
      // An end of line in a string is a line feed, whichever way it was written.
      out.push(0x0a);
      if (raw[i + 1] === 0x0a) i++;
      continue;
    }
    if (c !== 0x5c || i + 1 >= raw.length) {
      out.push(c);
      continue;
    }
    const next = raw[++i]!;
    if (next >= 0x30 && next <= 0x37) {
      let value = next - 0x30;
      for (let k = 0; k < 2 && raw[i + 1]! >= 0x30 && raw[i + 1]! <= 0x37; k++) value = value * 8 + (raw[++i]! - 0x30);
      out.push(value & 0xff);
    } else if (next === 0x0d || next === 0x0a) {
      if (next === 0x0d && raw[i + 1] === 0x0a) i++;
    } else out.push(ESCAPES[next] ?? next);
  }
  return Uint8Array.from(out);
}

export type PdfDict = Map<string, PdfValue>;

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The encoded (and, in an encrypted file, encrypted) data: a view into the file. */
    readonly data: Uint8Array,
    /** Its object number and generation: an encrypted file's per-object key depends on them. */
    readonly num = 0,
    readonly gen = 0,
  ) {}
}

export type PdfValue = null | boolean | number | string | PdfString | PdfRef | PdfDict | PdfValue[] | PdfStream;

export const isDict = (value: PdfValue | undefined): value is PdfDict => value instanceof Map;
export const isName = (value: PdfValue | undefined): value is string => typeof value === 'string';
export const isNumber = (value: PdfValue | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** Thrown inside the reader when a cap is reached; inspectPdf turns it into a finding. */
export class PdfLimitError extends Error {
  constructor(
    readonly code: 'pdf.too_complex' | 'pdf.stream_too_large' | 'pdf.too_many_pages',
    message: string,
  ) {
    super(message);
  }
}
