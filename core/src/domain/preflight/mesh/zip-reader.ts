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
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    return failure('zip.unsupported', 'The 3MF file uses ZIP64, which is only needed for archives far larger than we accept.', EXPORT_AGAIN);
  }
  if (count > limits.maxZipEntries) {
    return failure('zip.too_many_entries', `The 3MF archive has ${count.toLocaleString('en')} entries; the most we accept is ${limits.maxZipEntries.toLocaleString('en')}.`, 'Export the model again as a plain 3MF without extra attachments.');
  }
  if (directoryOffset + directorySize > eocd) return corrupt('its directory points past the end of the file');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  let p = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return corrupt(`directory entry ${n + 1} is damaged`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const declaredSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeader = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) return corrupt(`directory entry ${n + 1} is damaged`);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
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
