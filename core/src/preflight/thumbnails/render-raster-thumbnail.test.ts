import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors.ts';
import { renderRasterThumbnail } from './render-raster-thumbnail.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const photo = { width: 600, height: 300, channels: 3 as const, background: { r: 20, g: 160, b: 60 } };

async function describePng(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { signature: [...png.subarray(0, 8)], width: info.width, height: info.height, space: (await sharp(png).metadata()).space, first: [...data.subarray(0, 3)] };
}

describe('renderRasterThumbnail', () => {
  it('shrinks a JPEG to the asked size as an sRGB PNG', async () => {
    const jpeg = await sharp({ create: photo }).jpeg().toBuffer();
    expect(await describePng(await renderRasterThumbnail(jpeg, { size: 128 }))).toMatchObject({ signature: PNG_SIGNATURE, width: 128, height: 64, space: 'srgb' });
  });

  it('converts CMYK JPEG and TIFF to sRGB', async () => {
    for (const cmyk of [await sharp({ create: photo }).toColourspace('cmyk').jpeg().toBuffer(), await sharp({ create: photo }).toColourspace('cmyk').tiff().toBuffer()]) {
      const result = await describePng(await renderRasterThumbnail(cmyk, { size: 100 }));
      expect(result).toMatchObject({ width: 100, height: 50, space: 'srgb' });
      // Still green, not inverted or channel-swapped.
      expect(result.first[1]!).toBeGreaterThan(result.first[0]! + 50);
    }
  });

  it('never enlarges a small image', async () => {
    const png = await sharp({ create: { ...photo, width: 40, height: 20 } }).png().toBuffer();
    expect(await describePng(await renderRasterThumbnail(png, { size: 256 }))).toMatchObject({ width: 40, height: 20 });
  });

  it('refuses a header that claims more pixels than the limit, and truncated data, with a typed error', async () => {
    const png = await sharp({ create: photo }).png().toBuffer();
    const lying = Uint8Array.from(png);
    new DataView(lying.buffer).setUint32(16, 100_000);
    new DataView(lying.buffer).setUint32(20, 100_000);
    await expect(renderRasterThumbnail(lying, { size: 64 })).rejects.toBeInstanceOf(BadRequestError);
    const jpeg = await sharp({ create: photo }).jpeg().toBuffer();
    await expect(renderRasterThumbnail(jpeg.subarray(0, jpeg.length / 2), { size: 64 })).rejects.toBeInstanceOf(BadRequestError);
  });
});
