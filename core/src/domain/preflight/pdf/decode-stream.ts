import { Inflate, Unzlib } from 'fflate';
import { isDict, isName, PdfLimitError, type PdfStream, type PdfValue } from './objects.ts';
import { lzwDecode } from './lzw.ts';
import { ascii85, asciiHex, unpredict } from './simple-filters.ts';

/** Decoded bytes still allowed for the whole document; every decoder draws from it. */
export interface DecodeBudget {
  remaining: number;
  /** Decoded so far, for messages. */
  spent: number;
  /** The largest single stream allowed. */
  perStream: number;
}

/**
 * Input is fed in slices this big, so one slice can expand to at most ~66 MB (deflate
 * tops out near 1:1032) before the cap is checked; smaller slices cost fflate time.
 */
const SLICE = 64 * 1024;

function asList(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A stream's data with its filters undone, or null when a filter is one we don't read
 * (image codecs). Never more than the budget allows: a decompression bomb stops
 * with a PdfLimitError after at most one slice's worth of output.
 */
export function decodeStream(
  stream: PdfStream,
  budget: DecodeBudget,
  resolve: (value: PdfValue | undefined) => PdfValue | undefined,
  /** The stored data, decrypted if need be (PdfFile.streamData). */
  stored: Uint8Array = stream.data,
): Uint8Array | null {
  const filters = asList(resolve(stream.dict.get('Filter') ?? stream.dict.get('F'))).map((f) => resolve(f));
  const params = asList(resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'))).map((p) => resolve(p));
  let data: Uint8Array = stored;
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
      case 'LZWDecode':
      case 'LZW': {
        const early = isDict(param) ? resolve(param.get('EarlyChange')) : undefined;
        data = lzwDecode(data, cap, overflow, early === 0 ? 0 : 1);
        data = unpredict(data, isDict(param) ? param : undefined);
        break;
      }
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
