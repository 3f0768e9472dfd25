import type { RasterFacts } from '../facts.ts';
import type { ByteView } from './byte-view.ts';
import { checkPixels, malformed, truncated } from './header-error.ts';
import { type Ifd, type IfdEntry, ifdNumber, openTiff, readIfd } from './tiff-ifd.ts';

const TAG = {
  width: 256,
  height: 257,
  bitsPerSample: 258,
  photometric: 262,
  stripOffsets: 273,
  samplesPerPixel: 277,
  stripByteCounts: 279,
  xResolution: 282,
  yResolution: 283,
  resolutionUnit: 296,
  tileOffsets: 324,
  tileByteCounts: 325,
  inkSet: 332,
  extraSamples: 338,
} as const;

const PHOTOMETRIC: Record<number, string> = { 0: 'gray', 1: 'gray', 2: 'rgb', 3: 'indexed', 4: 'gray', 6: 'rgb', 8: 'lab', 9: 'lab', 10: 'lab' };

/** Directories a file may chain before we call it a loop: far more pages than any print TIFF. */
const MAX_IFDS = 10_000;

/**
 * The first image directory: size, samples, photometric and resolution. The rest of the
 * chain is walked only to prove it ends (a looping chain hangs naive readers and RIPs).
 */
export function readTiffHeader(bytes: Uint8Array): RasterFacts {
  const { view, firstIfd } = openTiff(bytes, 'TIFF');
  const ifd = readIfd(view, firstIfd);
  checkChain(view, firstIfd, ifd);
  const get = (tag: number, index = 0) => ifdNumber(view, ifd.entries.get(tag), index);

  const widthPx = get(TAG.width);
  const heightPx = get(TAG.height);
  if (widthPx === undefined || heightPx === undefined) throw malformed('TIFF', 'the image width or length tag is missing');
  checkPixels('TIFF', widthPx, heightPx);
  checkData(view, ifd.entries.get(TAG.stripOffsets) ?? ifd.entries.get(TAG.tileOffsets), ifd.entries.get(TAG.stripByteCounts) ?? ifd.entries.get(TAG.tileByteCounts));

  const samples = get(TAG.samplesPerPixel) ?? 1;
  const extra = ifd.entries.get(TAG.extraSamples);
  let hasAlpha = false;
  for (let i = 0; i < Math.min(extra?.count ?? 0, 16); i++) {
    const kind = ifdNumber(view, extra, i);
    if (kind === 1 || kind === 2) hasAlpha = true;
  }
  const photometric = get(TAG.photometric) ?? 1;
  const colorSamples = samples - (extra?.count ?? 0);
  let colorMode = PHOTOMETRIC[photometric] ?? `photometric ${photometric}`;
  if (photometric === 5) colorMode = (get(TAG.inkSet) ?? 1) === 1 && colorSamples === 4 ? 'cmyk' : 'separated';

  return { kind: 'tiff', widthPx, heightPx, dpi: resolution(view, ifd), colorMode, bitDepth: get(TAG.bitsPerSample) ?? 1, hasAlpha };
}

/** X/YResolution in ResolutionUnit (2 inch, the default; 3 centimetre; 1 none). */
export function resolution(view: ByteView, ifd: Ifd): RasterFacts['dpi'] {
  const x = ifdNumber(view, ifd.entries.get(TAG.xResolution));
  const y = ifdNumber(view, ifd.entries.get(TAG.yResolution)) ?? x;
  const unit = ifdNumber(view, ifd.entries.get(TAG.resolutionUnit)) ?? 2;
  if (!x || !y || unit === 1) return null;
  const perInch = unit === 3 ? 2.54 : 1;
  return { x: Math.round(x * perInch * 100) / 100, y: Math.round(y * perInch * 100) / 100 };
}

function checkChain(view: ByteView, first: number, ifd: Ifd): void {
  const seen = new Set([first]);
  let next = ifd.next;
  while (next !== 0) {
    if (seen.has(next) || seen.size >= MAX_IFDS) throw malformed('TIFF', `its chain of image directories loops back to byte ${next}`);
    seen.add(next);
    next = view.u32(next + 2 + view.u16(next, 'an image directory (IFD)') * 12, 'an image directory (IFD)');
  }
}

/** Every strip or tile must lie inside the file; a cut-off upload fails here. */
function checkData(view: ByteView, offsets: IfdEntry | undefined, counts: IfdEntry | undefined): void {
  if (!offsets) throw malformed('TIFF', 'it has no image data (StripOffsets)');
  for (let i = 0; i < offsets.count; i++) {
    const offset = ifdNumber(view, offsets, i) ?? 0;
    const length = ifdNumber(view, counts, i) ?? 0;
    if (offset + length > view.length) throw truncated('image data', offset, view.length);
  }
}
