import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inspection, RasterFacts } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { inspectRaster } from './index.ts';
import { byteMutation } from '../testing/byte-mutations.ts';

const red = { width: 40, height: 30, channels: 3 as const, background: { r: 200, g: 10, b: 10 } };

function facts(inspection: Inspection): RasterFacts {
  if (!inspection.ok) throw new Error(`expected facts, got ${inspection.finding.code}: ${inspection.finding.message}`);
  return inspection.facts as RasterFacts;
}

function failure(inspection: Inspection) {
  if (inspection.ok) throw new Error('expected the file to be refused');
  return inspection.finding;
}

const inspect = (bytes: Uint8Array) => inspectRaster(bytes, defaultInspectLimits);

let png: Uint8Array;
let rgbaPng: Uint8Array;
let jpeg: Uint8Array;
let cmykJpeg: Uint8Array;
let tiff: Uint8Array;
let cmykTiff: Uint8Array;
let bigEndianTiff: Uint8Array;

beforeAll(async () => {
  png = await sharp({ create: red }).withMetadata({ density: 300 }).png().toBuffer();
  rgbaPng = await sharp({ create: { ...red, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
  jpeg = await sharp({ create: red }).withMetadata({ density: 150 }).jpeg().toBuffer();
  // withMetadata would convert back to sRGB, so this one carries no density.
  cmykJpeg = await sharp({ create: red }).toColourspace('cmyk').jpeg().toBuffer();
  tiff = await sharp({ create: red }).tiff({ xres: 300 / 25.4, yres: 300 / 25.4 }).toBuffer();
  cmykTiff = await sharp({ create: red }).toColourspace('cmyk').tiff().toBuffer();
  bigEndianTiff = toBigEndianTiff(await sharp({ create: red }).toColourspace('b-w').tiff({ compression: 'none' }).toBuffer());
});

describe('PNG', () => {
  it('reads size, depth, colour type and the pHYs resolution', () => {
    expect(facts(inspect(png))).toEqual({ kind: 'png', widthPx: 40, heightPx: 30, dpi: { x: 300, y: 300 }, colorMode: 'rgb', bitDepth: 8, hasAlpha: false });
  });

  it('sees alpha', () => {
    expect(facts(inspect(rgbaPng))).toMatchObject({ colorMode: 'rgb', hasAlpha: true, dpi: expect.anything() });
  });

  it('refuses a header claiming a billion pixels before touching anything else', () => {
    const lying = Uint8Array.from(png);
    new DataView(lying.buffer).setUint32(16, 0x7fffffff);
    const finding = failure(inspect(lying));
    expect(finding).toMatchObject({ code: 'raster.too_many_pixels', severity: 'error' });
    expect(finding.message).toContain('2,147,483,647 × 30');
  });

  it('calls a cut-off upload truncated', () => {
    expect(failure(inspect(png.subarray(0, png.length - 20)))).toMatchObject({ code: 'raster.truncated', severity: 'error' });
  });
});

describe('JPEG', () => {
  it('reads size, components and the declared density', () => {
    expect(facts(inspect(jpeg))).toEqual({ kind: 'jpeg', widthPx: 40, heightPx: 30, dpi: { x: 150, y: 150 }, colorMode: 'rgb', bitDepth: 8, hasAlpha: false });
  });

  it('tells CMYK from RGB', () => {
    expect(facts(inspect(cmykJpeg))).toMatchObject({ colorMode: 'cmyk', dpi: null });
  });

  it('prefers the EXIF resolution to the JFIF density, and reads dots per cm', () => {
    const exif = tiffBlock({ 282: [72, 1], 283: [72, 1], 296: 3 });
    const bytes = jpegWith([app0Jfif(1, 96, 96), app1Exif(exif)], jpeg);
    expect(facts(inspect(bytes)).dpi).toEqual({ x: 182.88, y: 182.88 });
    expect(facts(inspect(jpegWith([app0Jfif(2, 100, 100)], jpeg))).dpi).toEqual({ x: 254, y: 254 });
  });

  it('reads YCCK from the Adobe marker', () => {
    const adobe = [0xff, 0xee, 0, 14, ...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 2];
    expect(facts(inspect(jpegWith([adobe], cmykJpeg))).colorMode).toBe('ycck');
  });

  it('calls a truncated JPEG truncated, in the header and in the image data', () => {
    expect(failure(inspect(jpeg.subarray(0, 10)))).toMatchObject({ code: 'raster.truncated' });
    expect(failure(inspect(jpeg.subarray(0, jpeg.length - 40)))).toMatchObject({ code: 'raster.truncated' });
  });
});

describe('TIFF', () => {
  it('reads size, samples and resolution (little-endian)', () => {
    expect(facts(inspect(tiff))).toEqual({ kind: 'tiff', widthPx: 40, heightPx: 30, dpi: { x: 300, y: 300 }, colorMode: 'rgb', bitDepth: 8, hasAlpha: false });
  });

  it('reads CMYK', () => {
    expect(facts(inspect(cmykTiff))).toMatchObject({ colorMode: 'cmyk', widthPx: 40 });
  });

  it('reads big-endian files', () => {
    expect(facts(inspect(bigEndianTiff))).toMatchObject({ widthPx: 40, heightPx: 30, colorMode: 'gray', bitDepth: 8 });
  });

  it('refuses a chain of image directories that loops', () => {
    const looping = Uint8Array.from(tiff);
    const view = new DataView(looping.buffer);
    const first = view.getUint32(4, true);
    const count = view.getUint16(first, true);
    view.setUint32(first + 2 + count * 12, first, true);
    expect(failure(inspect(looping))).toMatchObject({ code: 'raster.malformed', severity: 'error' });
    expect(failure(inspect(looping)).message).toContain('loops');
  });

  it('calls an IFD offset beyond the end truncated', () => {
    const lying = Uint8Array.from(tiff);
    new DataView(lying.buffer).setUint32(4, 0x7ffffff0, true);
    expect(failure(inspect(lying))).toMatchObject({ code: 'raster.truncated' });
  });
});

describe('hostile bytes', () => {
  const all = () => [png, rgbaPng, jpeg, cmykJpeg, tiff, cmykTiff, bigEndianTiff];

  it('never throws on mutated files, and a refusal always carries an error finding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), byteMutation({ maxSplice: 64 }), (index, mutate) => {
        const result = inspect(mutate(all()[index]!));
        if (!result.ok) {
          expect(result.finding.severity).toBe('error');
          expect(result.finding.code).toMatch(/^raster\.[a-z_]+$/);
          expect(result.finding.fix).toBeTruthy();
        } else {
          expect(result.facts.kind).toMatch(/png|jpeg|tiff/);
        }
      }),
      { numRuns: 1500 },
    );
  });
});


function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function app0Jfif(unit: number, x: number, y: number): number[] {
  return [0xff, 0xe0, 0, 16, ...ascii('JFIF'), 0, 1, 1, unit, x >> 8, x & 255, y >> 8, y & 255, 0, 0];
}

function app1Exif(tiffBytes: number[]): number[] {
  const length = 2 + 6 + tiffBytes.length;
  return [0xff, 0xe1, length >> 8, length & 255, ...ascii('Exif'), 0, 0, ...tiffBytes];
}

/** A big-endian TIFF structure with one IFD of SHORT and RATIONAL entries. */
function tiffBlock(tags: Record<number, number | [number, number]>): number[] {
  const entries = Object.entries(tags).map(([tag, value]) => [Number(tag), value] as const);
  const ifdSize = 2 + entries.length * 12 + 4;
  const out = [...ascii('MM'), 0, 42, 0, 0, 0, 8];
  const extra: number[] = [];
  const u16 = (n: number) => [n >> 8, n & 255];
  const u32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  out.push(...u16(entries.length));
  for (const [tag, value] of entries) {
    if (Array.isArray(value)) {
      out.push(...u16(tag), ...u16(5), ...u32(1), ...u32(8 + ifdSize + extra.length));
      extra.push(...u32(value[0]), ...u32(value[1]));
    } else {
      out.push(...u16(tag), ...u16(3), ...u32(1), ...u16(value), 0, 0);
    }
  }
  out.push(0, 0, 0, 0, ...extra);
  return out;
}

/** The JPEG with its own APPn segments removed and `segments` put right after SOI. */
function jpegWith(segments: number[][], source: Uint8Array): Uint8Array {
  let offset = 2;
  while (source[offset + 1]! >= 0xe0 && source[offset + 1]! <= 0xef) offset += 2 + ((source[offset + 2]! << 8) | source[offset + 3]!);
  return Uint8Array.from([0xff, 0xd8, ...segments.flat(), ...source.subarray(offset)]);
}

/** Rewrites an uncompressed single-IFD little-endian TIFF as big-endian (header and IFD fields only). */
function toBigEndianTiff(le: Uint8Array): Uint8Array {
  const out = Uint8Array.from(le);
  const src = new DataView(le.buffer, le.byteOffset, le.byteLength);
  const dst = new DataView(out.buffer);
  out[0] = 0x4d;
  out[1] = 0x4d;
  dst.setUint16(2, 42);
  const first = src.getUint32(4, true);
  dst.setUint32(4, first);
  const count = src.getUint16(first, true);
  dst.setUint16(first, count);
  const sizes: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 11: 4, 12: 8 };
  for (let i = 0; i < count; i++) {
    const at = first + 2 + i * 12;
    const type = src.getUint16(at + 2, true);
    const n = src.getUint32(at + 4, true);
    dst.setUint16(at, src.getUint16(at, true));
    dst.setUint16(at + 2, type);
    dst.setUint32(at + 4, n);
    const size = sizes[type] ?? 1;
    const inline = size * n <= 4;
    const valueAt = inline ? at + 8 : src.getUint32(at + 8, true);
    if (!inline) dst.setUint32(at + 8, valueAt);
    for (let k = 0; k < n; k++) {
      const p = valueAt + k * (type === 5 ? 4 : size);
      if (type === 3) dst.setUint16(p, src.getUint16(p, true));
      if (type === 4) dst.setUint32(p, src.getUint32(p, true));
    }
    if (type === 5) for (let k = 0; k < n * 2; k++) dst.setUint32(valueAt + k * 4, src.getUint32(valueAt + k * 4, true));
  }
  dst.setUint32(first + 2 + count * 12, src.getUint32(first + 2 + count * 12, true));
  return out;
}
