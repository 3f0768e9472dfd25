import { ByteView } from './byte-view.ts';
import { malformed, RasterHeaderError } from './header-error.ts';

/** TIFF field types and their sizes in bytes (TIFF 6.0 §2, plus IFD = 13). */
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

export interface IfdEntry {
  type: number;
  count: number;
  /** Where the values start: inside the entry when they fit in 4 bytes, else the offset it holds. */
  valueOffset: number;
}

export interface Ifd {
  entries: Map<number, IfdEntry>;
  next: number;
}

/** Opens a TIFF structure (a .tif file or an EXIF block): byte order, magic, first IFD offset. */
export function openTiff(bytes: Uint8Array, kind: string): { view: ByteView; firstIfd: number } {
  const view = new ByteView(bytes);
  const order = view.ascii(0, 2);
  if (order !== 'II' && order !== 'MM') throw malformed(kind, 'the TIFF byte order mark is missing');
  view.littleEndian = order === 'II';
  const magic = view.u16(2);
  if (magic === 43) {
    throw new RasterHeaderError('raster.unsupported', 'The file is a BigTIFF, which print workflows do not accept.', 'Save it as a standard TIFF (under 4 GB) or as PNG/JPEG.');
  }
  if (magic !== 42) throw malformed(kind, `the TIFF magic number is ${magic}, not 42`);
  return { view, firstIfd: view.u32(4) };
}

export function readIfd(view: ByteView, offset: number): Ifd {
  const count = view.u16(offset, 'the image directory (IFD)');
  view.need(offset + 2, count * 12 + 4, 'the image directory (IFD)');
  const entries = new Map<number, IfdEntry>();
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    const tag = view.u16(at);
    const type = view.u16(at + 2);
    const size = TYPE_SIZES[type];
    if (!size) continue; // Unknown types are skipped, as TIFF 6.0 asks of readers.
    const valueCount = view.u32(at + 4);
    const valueOffset = size * valueCount <= 4 ? at + 8 : view.u32(at + 8);
    view.need(valueOffset, size * valueCount, `the values of tag ${tag}`);
    entries.set(tag, { type, count: valueCount, valueOffset });
  }
  return { entries, next: view.u32(offset + 2 + count * 12) };
}

/** Value `index` of an entry as a number; rationals are divided out. Undefined if absent. */
export function ifdNumber(view: ByteView, entry: IfdEntry | undefined, index = 0): number | undefined {
  if (!entry || index >= entry.count) return undefined;
  const size = TYPE_SIZES[entry.type]!;
  const at = entry.valueOffset + index * size;
  switch (entry.type) {
    case 1:
    case 6:
    case 7:
      return view.u8(at);
    case 3:
    case 8:
      return view.u16(at);
    case 4:
    case 9:
    case 13:
      return view.u32(at);
    case 5:
    case 10: {
      const denominator = view.u32(at + 4);
      return denominator === 0 ? undefined : view.u32(at) / denominator;
    }
    default:
      return undefined;
  }
}
