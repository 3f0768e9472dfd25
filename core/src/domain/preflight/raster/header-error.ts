import type { Finding } from '../facts.ts';

/**
 * Thrown inside the header readers only: every reader is a straight line of bounds-checked
 * reads, and one exception type caught at the inspector keeps them free of error plumbing.
 * It never leaves this folder (inspectRaster and readRasterHeader turn it into a finding).
 */
export class RasterHeaderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }

  toFinding(): Finding {
    return { code: this.code, severity: 'error', message: this.message, fix: this.fix };
  }
}

export const EXPORT_AGAIN = 'Export or save the image again from your editing program and upload the new file.';

export function truncated(what: string, offset: number, length: number): RasterHeaderError {
  return new RasterHeaderError(
    'raster.truncated',
    `The image file ends early: ${what} at byte ${offset} lies beyond its ${length} bytes.`,
    'The upload was cut off or the file is damaged. ' + EXPORT_AGAIN,
  );
}

export function malformed(kind: string, detail: string): RasterHeaderError {
  return new RasterHeaderError('raster.malformed', `The ${kind} file is damaged: ${detail}.`, EXPORT_AGAIN);
}

/** Sane ceiling for a print image: 1e9 pixels is a 2.7 m square at 300 ppi. */
export const MAX_PIXELS = 1_000_000_000;

export function checkPixels(kind: string, width: number, height: number): void {
  if (width <= 0 || height <= 0) throw malformed(kind, `it declares ${width} × ${height} pixels`);
  if (width * height > MAX_PIXELS) {
    throw new RasterHeaderError(
      'raster.too_many_pixels',
      `The ${kind} image declares ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels (${(width * height / 1e6).toFixed(0)} megapixels); the most we accept is ${MAX_PIXELS / 1e6} megapixels.`,
      'Reduce the image to the print size at 300 ppi (or less for large formats) and upload it again.',
    );
  }
}
