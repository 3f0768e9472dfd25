import { PdfLimitError, PdfRef, PdfString, type PdfDict, type PdfValue } from './objects.ts';

/** 1 = white space, 2 = delimiter (PDF 32000-1 §7.2.2); everything else is a regular character. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

export const isWhite = (c: number | undefined): boolean => c !== undefined && CLASS[c] === 1;
export const isRegular = (c: number | undefined): boolean => c !== undefined && CLASS[c] === 0;

export type TokenKind = 'eof' | 'num' | 'name' | 'str' | 'kw' | '[' | ']' | '<<' | '>>' | '{' | '}';

/** Arrays and dictionaries nested deeper than this are hostile, not artwork. */
const MAX_NESTING = 64;
/** Keywords longer than this are garbage; they are consumed but not kept whole. */
const MAX_KEYWORD = 32;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * One tokenizer for both the file's objects and content streams. It never throws on
 * malformed bytes: it yields what it can and sets `hitEnd` when data ran out inside a
 * token (an unterminated string, say), which is how truncation shows.
 */
export class Lexer {
  pos: number;
  hitEnd = false;
  /** The last token: its kind and, for numbers, names, keywords and strings, its value. */
  kind: TokenKind = 'eof';
  num = 0;
  /**
   * For keywords of up to three characters (every content-stream operator), the bytes
   * packed into a number (see `operatorCode`), so the interpreter dispatches without
   * making a string per operator; 0 for longer keywords.
   */
  code = 0;
  private textValue: string | null = '';
  private textStart = 0;
  private textEnd = 0;
  strStart = 0;
  strEnd = 0;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  /** The last name's or keyword's text (a keyword's is made only when asked for). */
  get text(): string {
    if (this.textValue === null) this.textValue = latin1(this.bytes, this.textStart, this.textEnd);
    return this.textValue;
  }

  set text(value: string) {
    this.textValue = value;
  }

  /** Whether the last token is this keyword (a call, so TypeScript doesn't narrow `text` for good). */
  isKeyword(word: string): boolean {
    return this.kind === 'kw' && this.text === word;
  }

  skipSpace(): void {
    const b = this.bytes;
    const end = this.end;
    let p = this.pos;
    while (p < end) {
      const c = b[p]!;
      if (CLASS[c] === 1) p++;
      else if (c === 0x25) {
        while (p < end && b[p] !== 0x0a && b[p] !== 0x0d) p++;
      } else break;
    }
    this.pos = p;
  }

  next(): TokenKind {
    this.skipSpace();
    const b = this.bytes;
    const p = this.pos;
    if (p >= this.end) return (this.kind = 'eof');
    const c = b[p]!;
    switch (c) {
      case 0x2f: // /
        this.readName();
        return (this.kind = 'name');
      case 0x28: // (
        this.readLiteralString();
        return (this.kind = 'str');
      case 0x3c: // <
        if (b[p + 1] === 0x3c) {
          this.pos = p + 2;
          return (this.kind = '<<');
        }
        this.readHexString();
        return (this.kind = 'str');
      case 0x3e: // >
        this.pos = b[p + 1] === 0x3e ? p + 2 : p + 1;
        return (this.kind = '>>');
      case 0x5b:
        this.pos = p + 1;
        return (this.kind = '[');
      case 0x5d:
        this.pos = p + 1;
        return (this.kind = ']');
      case 0x7b:
        this.pos = p + 1;
        return (this.kind = '{');
      case 0x7d:
        this.pos = p + 1;
        return (this.kind = '}');
      case 0x29: // a stray ')': skip it as one-character garbage
        this.pos = p + 1;
        this.text = ')';
        this.code = 0x29;
        return (this.kind = 'kw');
      default:
        if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
          this.readNumber();
          return (this.kind = 'num');
        }
        this.readKeyword();
        return (this.kind = 'kw');
    }
  }

  private readNumber(): void {
    const b = this.bytes;
    const end = this.end;
    let p = this.pos;
    let sign = 1;
    while (p < end && (b[p] === 0x2b || b[p] === 0x2d)) {
      if (b[p] === 0x2d) sign = -sign;
      p++;
    }
    let value = 0;
    while (p < end && b[p]! >= 0x30 && b[p]! <= 0x39) value = value * 10 + (b[p++]! - 0x30);
    if (p < end && b[p] === 0x2e) {
      p++;
      let scale = 0.1;
      while (p < end && b[p]! >= 0x30 && b[p]! <= 0x39) {
        value += (b[p++]! - 0x30) * scale;
        scale /= 10;
      }
    }
    // Anything regular glued on ("12abc", "1.2.3") is garbage: consume it, keep the number.
    while (p < end && CLASS[b[p]!] === 0) p++;
    this.num = Number.isFinite(value) ? sign * value : 0;
    this.pos = p;
  }

  private readName(): void {
    const b = this.bytes;
    const end = this.end;
    let p = this.pos + 1;
    const start = p;
    let escaped = false;
    while (p < end && CLASS[b[p]!] === 0) {
      if (b[p] === 0x23) escaped = true;
      p++;
    }
    this.pos = p;
    if (!escaped) {
      this.text = latin1(b, start, p);
      return;
    }
    let text = '';
    for (let i = start; i < p; i++) {
      const c = b[i]!;
      if (c === 0x23 && i + 2 < p) {
        const hi = hexValue(b[i + 1] ?? 0);
        const lo = hexValue(b[i + 2] ?? 0);
        if (hi >= 0 && lo >= 0) {
          text += String.fromCharCode(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      text += String.fromCharCode(c);
    }
    this.text = text;
  }

  private readLiteralString(): void {
    const b = this.bytes;
    const end = this.end;
    let p = this.pos + 1;
    this.strStart = p;
    let depth = 1;
    while (p < end) {
      const c = b[p]!;
      if (c === 0x5c) p += 2;
      else {
        if (c === 0x28) depth++;
        else if (c === 0x29 && --depth === 0) break;
        p++;
      }
    }
    if (p >= end) {
      this.hitEnd = true;
      this.strEnd = end;
      this.pos = end;
      return;
    }
    this.strEnd = p;
    this.pos = p + 1;
  }

  private readHexString(): void {
    const b = this.bytes;
    const idx = b.indexOf(0x3e, this.pos + 1);
    const close = idx < 0 || idx >= this.end ? this.end : idx;
    if (close >= this.end) this.hitEnd = true;
    this.strStart = this.pos + 1;
    this.strEnd = close;
    this.pos = Math.min(close + 1, this.end);
  }

  private readKeyword(): void {
    const b = this.bytes;
    const end = this.end;
    const start = this.pos;
    let p = start;
    while (p < end && CLASS[b[p]!] === 0) p++;
    // A lone control byte or other non-regular byte still has to move us forward.
    if (p === start) p++;
    const length = p - start;
    this.code = length === 1 ? b[start]! : length === 2 ? b[start]! | (b[start + 1]! << 8) : length === 3 ? b[start]! | (b[start + 1]! << 8) | (b[start + 2]! << 16) : 0;
    this.textValue = null;
    this.textStart = start;
    this.textEnd = Math.min(p, start + MAX_KEYWORD);
    this.pos = p;
  }

  /**
   * The value starting at the next token. `R` references are recognised by looking at
   * the bytes ahead, so number arrays cost no backtracking. Operators and stray tokens
   * come back as `undefined` with `kind` telling which.
   */
  readValue(depth = 0): PdfValue | undefined {
    const kind = this.next();
    return this.valueOf(kind, depth);
  }

  valueOf(kind: TokenKind, depth: number): PdfValue | undefined {
    switch (kind) {
      case 'num':
        return this.maybeRef();
      case 'name':
        return this.text;
      case 'str':
        return new PdfString(this.bytes.subarray(this.strStart, this.strEnd), this.bytes[this.strStart - 1] === 0x3c);
      case '[':
        return this.readArray(depth + 1);
      case '<<':
        return this.readDict(depth + 1);
      case 'kw':
        if (this.text === 'true') return true;
        if (this.text === 'false') return false;
        if (this.text === 'null') return null;
        return undefined;
      default:
        return undefined;
    }
  }

  /** Steps over the value that `kind` opened, building nothing (content-stream operands nobody reads). */
  skipValue(kind: TokenKind): void {
    if (kind !== '[' && kind !== '<<') return;
    let depth = 1;
    while (depth > 0) {
      const next = this.next();
      if (next === '[' || next === '<<') depth++;
      else if (next === ']' || next === '>>') depth--;
      else if (next === 'eof') return;
    }
  }

  private readArray(depth: number): PdfValue[] {
    if (depth > MAX_NESTING) throw new PdfLimitError('pdf.too_complex', `Arrays or dictionaries are nested more than ${MAX_NESTING} deep.`);
    const items: PdfValue[] = [];
    for (;;) {
      const kind = this.next();
      if (kind === ']' || kind === 'eof') {
        if (kind === 'eof') this.hitEnd = true;
        return items;
      }
      const value = this.valueOf(kind, depth);
      if (value !== undefined) items.push(value);
      else if (kind === '>>' || (kind === 'kw' && (this.text === 'endobj' || this.text === 'stream'))) {
        // A broken array: give back the token that ends the enclosing object.
        this.pos -= kind === '>>' ? 2 : this.text.length;
        return items;
      }
    }
  }

  readDict(depth: number): PdfDict {
    if (depth > MAX_NESTING) throw new PdfLimitError('pdf.too_complex', `Arrays or dictionaries are nested more than ${MAX_NESTING} deep.`);
    const dict: PdfDict = new Map();
    for (;;) {
      const kind = this.next();
      if (kind === '>>') return dict;
      if (kind === 'eof') {
        this.hitEnd = true;
        return dict;
      }
      if (kind === 'kw' && (this.text === 'endobj' || this.text === 'stream' || this.text === 'ID')) {
        this.pos -= this.text.length;
        return dict;
      }
      if (kind !== 'name') continue;
      const key = this.text;
      const valueKind = this.next();
      if (valueKind === '>>') {
        dict.set(key, null);
        return dict;
      }
      const value = this.valueOf(valueKind, depth);
      if (value !== undefined) dict.set(key, value);
      else if (valueKind === 'kw' && (this.text === 'endobj' || this.text === 'stream' || this.text === 'ID')) {
        this.pos -= this.text.length;
        return dict;
      }
    }
  }

  /** After a number: `G R` ahead makes it an indirect reference. */
  private maybeRef(): number | PdfRef {
    const num = this.num;
    if (!Number.isInteger(num) || num < 0) return num;
    const b = this.bytes;
    const end = this.end;
    let p = this.pos;
    while (p < end && CLASS[b[p]!] === 1) p++;
    const genStart = p;
    let gen = 0;
    while (p < end && b[p]! >= 0x30 && b[p]! <= 0x39) gen = gen * 10 + (b[p++]! - 0x30);
    if (p === genStart || p >= end || CLASS[b[p]!] !== 1) return num;
    while (p < end && CLASS[b[p]!] === 1) p++;
    if (b[p] !== 0x52 || (p + 1 < end && CLASS[b[p + 1]!] === 0)) return num;
    this.pos = p + 1;
    return new PdfRef(num, gen);
  }
}

/** The number `Lexer.code` holds for a keyword of up to three characters. */
export function operatorCode(word: string): number {
  return word.charCodeAt(0) | ((word.charCodeAt(1) || 0) << 8) | ((word.charCodeAt(2) || 0) << 16);
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
