import { Inflate, Unzlib } from 'fflate';
import { isDict, isName, isNumber, PdfLimitError, type PdfDict, type PdfStream, type PdfValue } from './objects.ts';

/** Decoded bytes still allowed for the whole document; every decoder draws from it. */
export interface DecodeBudget {
  remaining: number;
  /** Decoded so far, for messages. */
  spent: number;
  /** The largest single stream allowed. */
  perStream: number;
}

/** Input is fed in slices this big, so one slice can expand to at most ~16 MB before the cap is checked. */
const SLICE = 16 * 1024;

function asList(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A stream's data with its filters undone, or null when a filter is one we don't read
 * (image codecs, LZW). Never more than the budget allows: a decompression bomb stops
 * with a PdfLimitError after at most one slice's worth of output.
 */
export function decodeStream(stream: PdfStream, budget: DecodeBudget, resolve: (value: PdfValue | undefined) => PdfValue | undefined): Uint8Array | null {
  const filters = asList(resolve(stream.dict.get('Filter') ?? stream.dict.get('F'))).map((f) => resolve(f));
  const params = asList(resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'))).map((p) => resolve(p));
  let data: Uint8Array = stream.data;
  for (let i = 0; i < filters.length; i++) {
    const filter = filters[i];
    const param = params[i];
    const cap = Math.min(budget.remaining, budget.perStream);
    const overflow = () => tooLarge(budget, stream.data.length);
    switch (isName(filter) ? filter : '') {
      case 'FlateDecode':
      case 'Fl':
        data = inflateCapped(data, cap, overflow);
        data = unpredict(data, isDict(param) ? param : undefined);
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        data = asciiHex(data);
        break;
      case 'ASCII85Decode':
      case 'A85':
        data = ascii85(data);
        break;
      case 'RunLengthDecode':
      case 'RL':
        data = runLength(data, cap, overflow);
        break;
      default:
        return null;
    }
    budget.remaining -= data.length;
    budget.spent += data.length;
  }
  return data;
}

function tooLarge(budget: DecodeBudget, encoded: number): PdfLimitError {
  // Which cap bit: one stream's, or what is left of the whole file's.
  const message =
    budget.remaining < budget.perStream
      ? `The file's compressed streams expand to more than the ${formatBytes(budget.remaining + budget.spent)} allowed in total.`
      : `A compressed stream of ${formatBytes(encoded)} expands to more than ${formatBytes(budget.perStream)}, past the limit for one stream.`;
  return new PdfLimitError('pdf.stream_too_large', message);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1048576).toFixed(bytes >= 10 * 1048576 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} bytes`;
}

function inflateCapped(data: Uint8Array, cap: number, overflow: () => PdfLimitError): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > cap) throw overflow();
    chunks.push(chunk);
  };
  // PDF writes zlib streams; a few producers write raw deflate without the header.
  const zlib = data.length >= 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0;
  const inflater = zlib ? new Unzlib(onData) : new Inflate(onData);
  try {
    for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  } catch (error) {
    if (error instanceof PdfLimitError) throw error;
    // Corrupt or cut-off deflate data: keep what came out before it, as viewers do.
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** PNG predictors (10–15), used by object streams; TIFF predictor 2 is left as is. */
function unpredict(data: Uint8Array, params: PdfDict | undefined): Uint8Array {
  const predictor = params?.get('Predictor');
  if (!isNumber(predictor) || predictor < 10) return data;
  const colors = numberOr(params?.get('Colors'), 1, 1, 32);
  const bits = numberOr(params?.get('BitsPerComponent'), 8, 1, 16);
  const columns = numberOr(params?.get('Columns'), 1, 1, 1 << 20);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

function numberOr(value: PdfValue | undefined, fallback: number, min: number, max: number): number {
  return isNumber(value) && value >= min && value <= max ? Math.floor(value) : fallback;
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array((data.length + 1) >> 1);
  let n = 0;
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((data.length * 4) / 5) + 4);
  let n = 0;
  const group: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // ~>
    if (c === 0x7a && group.length === 0) {
      out.fill(0, n, n + 4);
      n += 4;
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) {
      n = put85(out, n, group, 4);
      group.length = 0;
    }
  }
  if (group.length > 1) {
    const keep = group.length - 1;
    while (group.length < 5) group.push(84);
    n = put85(out, n, group, keep);
  }
  return out.subarray(0, n);
}

function put85(out: Uint8Array, n: number, group: number[], keep: number): number {
  let value = 0;
  for (const digit of group) value = value * 85 + digit;
  for (let k = 0; k < keep; k++) out[n++] = (value >>> (24 - 8 * k)) & 0xff;
  return n;
}

function runLength(data: Uint8Array, cap: number, overflow: () => PdfLimitError): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let i = 0;
  while (i < data.length) {
    const length = data[i++]!;
    if (length === 128) break;
    const piece = length < 128 ? data.subarray(i, i + length + 1) : new Uint8Array(257 - length).fill(data[i] ?? 0);
    i += length < 128 ? length + 1 : 1;
    total += piece.length;
    if (total > cap) throw overflow();
    chunks.push(piece);
  }
  return concat(chunks, total);
}
