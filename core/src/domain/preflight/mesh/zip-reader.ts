import { Inflate } from 'fflate';
import type { InspectLimits } from '../facts.ts';
import { EXPORT_AGAIN, failure } from './mesh-findings.ts';
import type { Step } from './mesh-types.ts';

/**
 * A zip reader for 3MF that trusts nothing in the archive. fflate does the inflating,
 * but its one-shot unzip allocates what the headers declare, so the directory is read
 * here and each entry is inflated in small pushes while the bytes actually produced are
 * counted against the caps (entries, total size, ratio); it stops at the first overrun.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

export type ZipLimits = Pick<InspectLimits, 'maxZipEntries' | 'maxUncompressedBytes' | 'maxCompressionRatio'>;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const PUSH = 8 * 1024;
/** Below this, an entry's ratio is not judged: tiny files compress oddly and cannot hurt. */
const RATIO_GRACE = 1024 * 1024;

const utf8 = new TextDecoder('utf-8');

export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): Step<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return failure('file.truncated', 'The 3MF file is not a complete zip archive (its directory at the end is missing): it was cut short or is not a 3MF.', EXPORT_AGAIN);
  const located = locateDirectory(view, eocd);
  if (!located.ok) return located;
  const { count, directorySize, directoryOffset, end } = located.value;
  if (count > limits.maxZipEntries) {
    return failure('zip.too_many_entries', `The 3MF archive has ${count.toLocaleString('en')} entries; the most we accept is ${limits.maxZipEntries.toLocaleString('en')}.`, 'Export the model again as a plain 3MF without extra attachments.');
  }
  if (directoryOffset + directorySize > end) return corrupt('its directory points past the end of the file');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  let p = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) return corrupt(`directory entry ${n + 1} is damaged`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > end) return corrupt(`directory entry ${n + 1} is damaged`);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const sizes = entrySizes(view, p, p + 46 + nameLength, extraLength);
    if (!sizes) return corrupt(`directory entry ${n + 1} has damaged ZIP64 sizes`);
    const { compressedSize, declaredSize, localHeader } = sizes;
    p += 46 + nameLength + extraLength + commentLength;

    if (unsafePath(name)) {
      return failure('zip.path_traversal', `The 3MF archive holds an entry named "${printable(name)}", which points outside the archive.`, 'This file was built to attack the software that opens it; do not use it. Export the model again from your design program.');
    }
    if (flags & 1) return failure('zip.encrypted', `The 3MF archive entry "${printable(name)}" is encrypted.`, 'Export the model again without a password.');
    const key = name.toLowerCase();
    if (seen.has(key)) return failure('zip.duplicate_entry', `The 3MF archive holds "${printable(name)}" twice.`, EXPORT_AGAIN);
    seen.add(key);
    if (!name.endsWith('/')) {
      declaredTotal += declaredSize;
      entries.push({ name, method, compressedSize, declaredSize, localHeader });
    }
  }
  if (declaredTotal > limits.maxUncompressedBytes) return tooLarge(declaredTotal, limits);
  return { ok: true, value: entries };
}

const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** Little-endian 64-bit value as a number; anything past 2^53 is far beyond any file we accept. */
function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

/**
 * Where the central directory is. Some writers use ZIP64 records even for small files
 * (a count of 0xFFFF or offsets of 0xFFFFFFFF in the classic record): follow the locator.
 */
function locateDirectory(view: DataView, eocd: number): Step<{ count: number; directorySize: number; directoryOffset: number; end: number }> {
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count !== MAX16 && directorySize !== MAX32 && directoryOffset !== MAX32) return { ok: true, value: { count, directorySize, directoryOffset, end: eocd } };
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR) return corrupt('its ZIP64 directory locator is missing');
  const record = u64(view, locator + 8);
  if (record + 56 > locator || view.getUint32(record, true) !== EOCD64) return corrupt('its ZIP64 directory record is missing');
  return { ok: true, value: { count: u64(view, record + 32), directorySize: u64(view, record + 40), directoryOffset: u64(view, record + 48), end: record } };
}

/** An entry's sizes and local header offset, from the ZIP64 extra field where the classic ones say 0xFFFFFFFF. */
function entrySizes(view: DataView, entry: number, extra: number, extraLength: number): { compressedSize: number; declaredSize: number; localHeader: number } | null {
  let compressedSize = view.getUint32(entry + 20, true);
  let declaredSize = view.getUint32(entry + 24, true);
  let localHeader = view.getUint32(entry + 42, true);
  if (compressedSize !== MAX32 && declaredSize !== MAX32 && localHeader !== MAX32) return { compressedSize, declaredSize, localHeader };
  for (let p = extra; p + 4 <= extra + extraLength; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (p + 4 + size > extra + extraLength) return null;
    if (id === ZIP64_EXTRA) {
      // The fields present are exactly those whose classic value is 0xFFFFFFFF, in this order.
      let q = p + 4;
      const take = (): number | null => {
        if (q + 8 > p + 4 + size) return null;
        const value = u64(view, q);
        q += 8;
        return value;
      };
      if (declaredSize === MAX32) declaredSize = take() ?? -1;
      if (compressedSize === MAX32) compressedSize = take() ?? -1;
      if (localHeader === MAX32) localHeader = take() ?? -1;
      return declaredSize < 0 || compressedSize < 0 || localHeader < 0 ? null : { compressedSize, declaredSize, localHeader };
    }
    p += 4 + size;
  }
  return null;
}

/** Inflates entries of one archive against one shared budget of uncompressed bytes. */
export class ZipInflater {
  inflated = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
  ) {}

  read(entry: ZipEntry): Step<Uint8Array> {
    const { bytes } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.localHeader;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return corrupt(`the entry "${printable(entry.name)}" is damaged`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) return failure('file.truncated', `The 3MF archive entry "${printable(entry.name)}" runs past the end of the file: it was cut short.`, EXPORT_AGAIN);
    const data = bytes.subarray(start, end);
    if (entry.method === 0) return this.account(entry, data);
    if (entry.method !== 8) return failure('zip.unsupported', `The 3MF archive entry "${printable(entry.name)}" uses compression method ${entry.method}; 3MF allows only deflate.`, EXPORT_AGAIN);
    return this.inflate(entry, data);
  }

  private inflate(entry: ZipEntry, data: Uint8Array): Step<Uint8Array> {
    const chunks: Uint8Array[] = [];
    const budget = this.limits.maxUncompressedBytes - this.inflated;
    const ratioCap = Math.max(RATIO_GRACE, this.limits.maxCompressionRatio * data.length);
    let produced = 0;
    let overrun: 'total' | 'ratio' | null = null;
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      produced += chunk.length;
      if (final) finished = true;
      if (overrun) return;
      if (produced > budget) overrun = 'total';
      else if (produced > ratioCap) overrun = 'ratio';
      else chunks.push(chunk);
    });
    try {
      for (let p = 0; p < data.length && !overrun && !finished; p += PUSH) {
        inflater.push(data.subarray(p, Math.min(p + PUSH, data.length)), p + PUSH >= data.length);
      }
      if (data.length === 0) inflater.push(data, true);
    } catch {
      // fflate throws on invalid deflate data and on a stream that ends early; both mean a damaged file.
      return corrupt(`the entry "${printable(entry.name)}" does not decompress`);
    }
    if (overrun === 'total') return tooLarge(this.inflated + produced, this.limits);
    if (overrun === 'ratio') {
      return failure('zip.ratio', `The 3MF archive entry "${printable(entry.name)}" expands more than ${this.limits.maxCompressionRatio} times (${data.length.toLocaleString('en')} bytes to over ${produced.toLocaleString('en')}): a zip bomb, not a model.`, 'Do not use this file. Export the model again from your design program.');
    }
    if (!finished) return failure('file.truncated', `The 3MF archive entry "${printable(entry.name)}" ends before its data does: it was cut short.`, EXPORT_AGAIN);
    const out = new Uint8Array(produced);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return this.account(entry, out);
  }

  private account(entry: ZipEntry, data: Uint8Array): Step<Uint8Array> {
    if (data.length !== entry.declaredSize) {
      return corrupt(`the entry "${printable(entry.name)}" says it holds ${entry.declaredSize.toLocaleString('en')} bytes but holds ${data.length.toLocaleString('en')}`);
    }
    this.inflated += data.length;
    if (this.inflated > this.limits.maxUncompressedBytes) return tooLarge(this.inflated, this.limits);
    return { ok: true, value: data };
  }
}

/** `..` segments, absolute paths, drive letters and backslashes: anything that could leave the archive. */
export function unsafePath(name: string): boolean {
  return (
    name.length === 0 ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((segment) => segment === '..')
  );
}

function printable(name: string): string {
  let clean = '';
  for (const char of name) clean += char.charCodeAt(0) < 32 || char === '\u007f' ? '?' : char;
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

function corrupt(what: string) {
  return failure('zip.corrupt', `The 3MF archive is damaged: ${what}.`, EXPORT_AGAIN);
}

function tooLarge(total: number, limits: ZipLimits) {
  return failure(
    'zip.too_large',
    `The 3MF archive expands to at least ${total.toLocaleString('en')} bytes, more than the ${limits.maxUncompressedBytes.toLocaleString('en')} we accept.`,
    'Remove embedded thumbnails or textures, or decimate the mesh, and export again.',
  );
}
