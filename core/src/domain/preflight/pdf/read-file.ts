import { decodeStream, type DecodeBudget } from './decode-stream.ts';
import { isDict, isNumber, PdfRef, PdfStream, type PdfDict, type PdfValue } from './objects.ts';
import { isRegular, isWhite, Lexer } from './lexer.ts';
import { emptyPasswordDecryptor, type StreamDecryptor } from './security-handler.ts';

interface Entry {
  value: PdfValue;
  /** Where the object sits in the file; a later definition (an incremental update) wins. */
  at: number;
}

const seq = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const OBJ = seq('obj');
const ENDSTREAM = seq('endstream');
const TRAILER = seq('trailer');
const EOF_MARK = seq('%%EOF');

export function indexOfSeq(bytes: Uint8Array, pattern: Uint8Array, from: number, end = bytes.length): number {
  const first = pattern[0]!;
  for (let i = bytes.indexOf(first, from); i >= 0 && i + pattern.length <= end; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern[k]) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

function matchesAt(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  if (at < 0 || at + pattern.length > bytes.length) return false;
  for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) return false;
  return true;
}

function lastIndexOfSeq(bytes: Uint8Array, pattern: Uint8Array): number {
  for (let i = bytes.lastIndexOf(pattern[0]!); i >= 0; i = i > 0 ? bytes.lastIndexOf(pattern[0]!, i - 1) : -1) {
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern[k]) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

/**
 * The objects of a PDF, read front to back the way pdf-lib's parser does rather than
 * through the cross-reference table: a lying or broken xref can't send us astray, a
 * truncated file still yields what it holds, and an incremental update's later
 * definition of an object replaces the earlier one. Object streams (PDF 1.5) are
 * expanded under the decode budget.
 */
export class PdfFile {
  readonly objects = new Map<number, Entry>();
  readonly trailers: PdfDict[] = [];
  /** %PDF-x.y from the header, if found in the first KB. */
  headerVersion: string | null = null;
  /** The data ran out inside an object or stream, or nothing marks an end after the last object. */
  truncated = false;
  /** Bytes of unreadable garbage skipped between objects. */
  skippedBytes = 0;
  private readonly objectStreams: { stream: PdfStream; num: number; at: number }[] = [];
  /** Where the next `trailer` keyword is (-1: none left, -2: not searched yet). */
  private nextTrailer = -2;

  constructor(
    readonly bytes: Uint8Array,
    readonly budget: DecodeBudget,
  ) {}

  get encrypted(): boolean {
    return this.trailers.some((t) => t.has('Encrypt') && t.get('Encrypt') !== null);
  }

  /** Set for an encrypted file that opens without a password: its streams can be read. */
  decryptor: StreamDecryptor | null = null;

  /** A stream's data as stored, decrypted when the file is encrypted and readable. */
  streamData(stream: PdfStream): Uint8Array {
    return this.decryptor ? this.decryptor(stream) : stream.data;
  }

  resolve = (value: PdfValue | undefined): PdfValue | undefined => {
    for (let hops = 0; value instanceof PdfRef; hops++) {
      if (hops > 16) return null;
      value = this.objects.get(value.num)?.value ?? null;
    }
    return value;
  };

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    if (isDict(resolved)) return resolved;
    return resolved instanceof PdfStream ? resolved.dict : undefined;
  }

  scan(): void {
    const bytes = this.bytes;
    const headerAt = indexOfSeq(bytes.subarray(0, 1024 + 5), seq('%PDF-'), 0);
    if (headerAt >= 0) this.headerVersion = /^\d\.\d/.exec(String.fromCharCode(...bytes.subarray(headerAt + 5, headerAt + 8)))?.[0] ?? null;
    const lx = new Lexer(bytes);
    let pos = headerAt >= 0 ? headerAt : 0;
    let lastObjectEnd = 0;
    while (pos < bytes.length) {
      lx.pos = pos;
      lx.hitEnd = false;
      lx.skipSpace();
      const start = lx.pos;
      if (start >= bytes.length) break;
      const kind = lx.next();
      if (kind === 'num') {
        const end = this.readIndirectObject(lx, start);
        if (end > start) {
          pos = lastObjectEnd = end;
          continue;
        }
      } else if (kind === 'kw' && lx.text === 'trailer') {
        const next = lx.next();
        if (next === '<<') this.trailers.push(lx.readDict(1));
        pos = lx.pos;
        continue;
      } else if (kind === 'kw' && lx.text === 'xref') {
        const trailer = indexOfSeq(bytes, TRAILER, lx.pos);
        pos = trailer >= 0 ? trailer : bytes.length;
        continue;
      } else if (kind === 'kw' && lx.text === 'startxref') {
        lx.next();
        pos = lx.pos;
        continue;
      }
      const next = this.findNextObject(start + 1);
      this.skippedBytes += next - start;
      pos = next;
    }
    const eof = lastIndexOfSeq(bytes, EOF_MARK);
    if (eof < 0 || eof < lastObjectEnd - 1) this.truncated = true;
    if (this.encrypted) this.decryptor = this.openEncryption();
    if (!this.encrypted || this.decryptor) this.expandObjectStreams();
  }

  private openEncryption(): StreamDecryptor | null {
    for (let i = this.trailers.length - 1; i >= 0; i--) {
      const trailer = this.trailers[i]!;
      const encrypt = this.dict(trailer.get('Encrypt'));
      if (encrypt) return emptyPasswordDecryptor(encrypt, trailer.get('ID'), this.resolve);
    }
    return null;
  }

  /** `N G obj … endobj` at `start`; returns where it ends, or `start` when it isn't one. */
  private readIndirectObject(lx: Lexer, start: number): number {
    const num = lx.num;
    if (!Number.isInteger(num) || num < 0) return start;
    if (lx.next() !== 'num' || !Number.isInteger(lx.num)) return start;
    const gen = lx.num;
    lx.next();
    if (!lx.isKeyword('obj')) return start;
    let value = lx.readValue(0) ?? null;
    lx.skipSpace();
    let tokenAt = lx.pos;
    lx.next();
    if (lx.isKeyword('stream') && isDict(value)) {
      const stream = this.readStreamData(lx, value, num, gen);
      value = stream;
      if (stream.dict.get('Type') === 'ObjStm') this.objectStreams.push({ stream, num, at: start });
      lx.skipSpace();
      tokenAt = lx.pos;
      lx.next();
    }
    if (value instanceof PdfStream && value.dict.get('Type') === 'XRef') this.trailers.push(value.dict);
    if (lx.hitEnd) this.truncated = true;
    this.objects.set(num, { value, at: start });
    // Missing `endobj`: the token we just read belongs to whatever comes next.
    return lx.isKeyword('endobj') ? lx.pos : tokenAt;
  }

  private readStreamData(lx: Lexer, dict: PdfDict, num: number, gen: number): PdfStream {
    const bytes = this.bytes;
    let start = lx.pos;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const length = dict.get('Length');
    if (isNumber(length) && length >= 0 && Number.isInteger(length) && start + length <= bytes.length) {
      let p = start + length;
      while (p < bytes.length && isWhite(bytes[p])) p++;
      if (matchesAt(bytes, ENDSTREAM, p)) {
        lx.pos = p + ENDSTREAM.length;
        return new PdfStream(dict, bytes.subarray(start, start + length), num, gen);
      }
    }
    const found = indexOfSeq(bytes, ENDSTREAM, start);
    if (found < 0) {
      this.truncated = true;
      lx.pos = bytes.length;
      return new PdfStream(dict, bytes.subarray(start), num, gen);
    }
    let end = found;
    if (bytes[end - 1] === 0x0a) end--;
    if (bytes[end - 1] === 0x0d) end--;
    lx.pos = found + ENDSTREAM.length;
    return new PdfStream(dict, bytes.subarray(start, Math.max(start, end)), num, gen);
  }

  /** The next `N G obj` or `trailer` after garbage. */
  private findNextObject(from: number): number {
    const bytes = this.bytes;
    // Remembered so that a file full of garbage is searched for `trailer` once, not once per resync.
    if (this.nextTrailer !== -1 && this.nextTrailer < from) this.nextTrailer = indexOfSeq(bytes, TRAILER, from);
    const limit = this.nextTrailer >= 0 ? this.nextTrailer : bytes.length;
    const digitsBefore = (q: number) => {
      let r = q;
      while (r >= 0 && bytes[r]! >= 0x30 && bytes[r]! <= 0x39) r--;
      return r;
    };
    for (let i = indexOfSeq(bytes, OBJ, from, limit); i >= 0; i = indexOfSeq(bytes, OBJ, i + 3, limit)) {
      if (isRegular(bytes[i + 3])) continue;
      let p = i - 1;
      if (!isWhite(bytes[p])) continue;
      while (p >= 0 && isWhite(bytes[p])) p--;
      let q = digitsBefore(p);
      if (q === p || !isWhite(bytes[q])) continue;
      while (q >= 0 && isWhite(bytes[q])) q--;
      const r = digitsBefore(q);
      if (r === q || (r >= 0 && isRegular(bytes[r]))) continue;
      if (r + 1 >= from) return r + 1;
    }
    return limit;
  }

  private expandObjectStreams(): void {
    for (const { stream, num: streamNum, at } of this.objectStreams) {
      const decoded = decodeStream(stream, this.budget, this.resolve, this.streamData(stream));
      if (!decoded) continue;
      const n = stream.dict.get('N');
      const first = stream.dict.get('First');
      if (!isNumber(n) || !isNumber(first) || first < 0 || first > decoded.length) continue;
      const lx = new Lexer(decoded, 0, first);
      const count = Math.min(Math.floor(n), decoded.length);
      const pairs: [number, number][] = [];
      for (let i = 0; i < count; i++) {
        if (lx.next() !== 'num') break;
        const num = lx.num;
        if (lx.next() !== 'num') break;
        pairs.push([num, lx.num]);
      }
      for (const [num, offset] of pairs) {
        if (!Number.isInteger(num) || num === streamNum || first + offset >= decoded.length || offset < 0) continue;
        if ((this.objects.get(num)?.at ?? -1) > at) continue;
        const body = new Lexer(decoded, first + offset);
        this.objects.set(num, { value: body.readValue(0) ?? null, at });
      }
    }
  }
}
