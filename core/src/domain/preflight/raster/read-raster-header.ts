import type { Finding, RasterFacts } from '../facts.ts';
import { RasterHeaderError } from './header-error.ts';
import { readJpegHeader } from './jpeg-header.ts';
import { readPngHeader } from './png-header.ts';
import { readTiffHeader } from './tiff-header.ts';

export type RasterHeaderResult = { ok: true; facts: RasterFacts } | { ok: false; finding: Finding };

/** Which raster format the bytes are, by magic number; null when none of ours. */
export function rasterKind(bytes: Uint8Array): RasterFacts['kind'] | null {
  const [a, b, c, d] = bytes;
  if (a === 0x89 && b === 0x50 && c === 0x4e && d === 0x47) return 'png';
  if (a === 0xff && b === 0xd8 && c === 0xff) return 'jpeg';
  if ((a === 0x49 && b === 0x49 && c === 0x2a && d === 0) || (a === 0x4d && b === 0x4d && c === 0 && (d === 0x2a || d === 0x2b))) return 'tiff';
  if (a === 0x49 && b === 0x49 && c === 0x2b && d === 0) return 'tiff';
  return null;
}

/**
 * Pixel size, resolution and colour mode from the header alone. Written by hand rather
 * than with sharp: sharp is native and asynchronous and decodes pixels, while preflight
 * needs a few dozen bytes, synchronously, in the pure domain, bounded on lying headers.
 */
export function readRasterHeader(bytes: Uint8Array): RasterHeaderResult {
  const kind = rasterKind(bytes);
  if (!kind) {
    return { ok: false, finding: { code: 'raster.unsupported', severity: 'error', message: 'The image is not a PNG, JPEG or TIFF file.', fix: 'Save the image as PNG, JPEG or TIFF.' } };
  }
  try {
    const facts = kind === 'png' ? readPngHeader(bytes) : kind === 'jpeg' ? readJpegHeader(bytes) : readTiffHeader(bytes);
    return { ok: true, facts };
  } catch (error) {
    if (error instanceof RasterHeaderError) return { ok: false, finding: error.toFinding() };
    throw error;
  }
}
