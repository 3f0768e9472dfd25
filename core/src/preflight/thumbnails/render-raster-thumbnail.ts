import sharp from 'sharp';
import { BadRequestError } from '../../errors.ts';
import type { ThumbnailOptions } from './render-svg-thumbnail.ts';

/**
 * sharp's own default, stated so it cannot drift: 16383², about 268 megapixels. Preflight
 * accepts larger images (up to 1e9 pixels), which then get no thumbnail rather than a
 * multi-gigabyte decode.
 */
const MAX_INPUT_PIXELS = 0x3fff * 0x3fff;

/**
 * A PNG of a PNG, JPEG or TIFF, its longer side at most `size` pixels, in sRGB (CMYK and
 * YCCK files are converted through sharp's CMYK profile), turned upright by its EXIF.
 */
export async function renderRasterThumbnail(bytes: Uint8Array, options: ThumbnailOptions): Promise<Uint8Array> {
  try {
    const png = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true, failOn: 'error' })
      .rotate()
      .resize(options.size, options.size, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .png()
      .toBuffer();
    return new Uint8Array(png);
  } catch (error) {
    // libvips says what is wrong with the file (too many pixels, truncated data); nothing of the server's.
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error);
    throw new BadRequestError(`The image could not be rendered: ${detail}`, { code: 'raster.unrenderable' });
  }
}
