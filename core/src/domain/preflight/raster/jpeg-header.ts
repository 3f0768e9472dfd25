import type { RasterFacts } from '../facts.ts';
import { ByteView } from './byte-view.ts';
import { checkPixels, malformed, truncated } from './header-error.ts';
import { openTiff, readIfd } from './tiff-ifd.ts';
import { resolution } from './tiff-header.ts';

/** Start-of-frame markers: baseline, extended, progressive, lossless, arithmetic (not DHT C4, JPG C8, DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

interface Frame {
  width: number;
  height: number;
  precision: number;
  components: number;
}

/**
 * Marker segments up to the first scan (JFIF density, EXIF resolution, Adobe transform,
 * the frame), then a scan for EOI: entropy-coded data never holds FF D9, so a file
 * without it was cut off and would print half grey.
 */
export function readJpegHeader(bytes: Uint8Array): RasterFacts {
  const view = new ByteView(bytes);
  let offset = 2;
  let frame: Frame | null = null;
  let jfifDpi: RasterFacts['dpi'] = null;
  let exifDpi: RasterFacts['dpi'] = null;
  let adobeTransform: number | null = null;
  for (;;) {
    if (view.u8(offset, 'a marker') !== 0xff) throw malformed('JPEG', `byte ${offset} should start a marker`);
    const marker = view.u8(offset + 1, 'a marker');
    if (marker === 0xff) {
      offset++; // Fill byte.
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // Markers without a length.
      continue;
    }
    const length = view.u16(offset + 2, 'a segment length');
    if (length < 2) throw malformed('JPEG', `the segment at byte ${offset} has length ${length}`);
    const body = offset + 4;
    view.need(offset + 2, length, `the segment at byte ${offset}`);
    if (SOF.has(marker)) {
      frame = { precision: view.u8(body), height: view.u16(body + 1), width: view.u16(body + 3), components: view.u8(body + 5) };
    } else if (marker === 0xe0 && view.ascii(body, 5) === 'JFIF\0' && length >= 16) {
      jfifDpi = density(view.u8(body + 7), view.u16(body + 8), view.u16(body + 10));
    } else if (marker === 0xe1 && view.ascii(body, 6) === 'Exif\0\0') {
      exifDpi = exifResolution(bytes.subarray(body + 6, offset + 2 + length));
    } else if (marker === 0xee && view.ascii(body, 5) === 'Adobe' && length >= 14) {
      adobeTransform = view.u8(body + 11);
    } else if (marker === 0xda) {
      if (!frame) throw malformed('JPEG', 'the image data starts before the frame header');
      if (!hasEndMarker(bytes, offset + 2 + length)) throw truncated('the end-of-image marker', bytes.length, bytes.length);
      break;
    }
    offset += 2 + length;
  }
  if (!frame) throw malformed('JPEG', 'it has no frame header (SOF)');
  if (frame.height === 0) throw malformed('JPEG', 'its height is not declared in the frame header');
  checkPixels('JPEG', frame.width, frame.height);
  return {
    kind: 'jpeg',
    widthPx: frame.width,
    heightPx: frame.height,
    // libvips reads it this way too: EXIF, when present, wins over the JFIF density.
    dpi: exifDpi ?? jfifDpi,
    colorMode: colorMode(frame.components, adobeTransform),
    bitDepth: frame.precision,
    hasAlpha: false,
  };
}

function colorMode(components: number, adobeTransform: number | null): string {
  if (components === 1) return 'gray';
  if (components === 3) return 'rgb'; // YCbCr (or Adobe transform 0: RGB) both print as RGB.
  if (components === 4) return adobeTransform === 2 ? 'ycck' : 'cmyk';
  return `${components} components`;
}

function density(unit: number, x: number, y: number): RasterFacts['dpi'] {
  if (x === 0 || y === 0 || (unit !== 1 && unit !== 2)) return null;
  const perInch = unit === 2 ? 2.54 : 1;
  return { x: Math.round(x * perInch * 100) / 100, y: Math.round(y * perInch * 100) / 100 };
}

/** A damaged EXIF block is ignored (cameras write broken ones); the image is still usable. */
function exifResolution(exif: Uint8Array): RasterFacts['dpi'] {
  try {
    const { view, firstIfd } = openTiff(exif, 'EXIF');
    return resolution(view, readIfd(view, firstIfd));
  } catch {
    return null;
  }
}

function hasEndMarker(bytes: Uint8Array, from: number): boolean {
  let at = bytes.indexOf(0xff, from);
  while (at !== -1 && at + 1 < bytes.length) {
    if (bytes[at + 1] === 0xd9) return true;
    at = bytes.indexOf(0xff, at + 1);
  }
  return false;
}
