import type { RasterFacts } from '../facts.ts';
import { ByteView } from './byte-view.ts';
import { checkPixels, malformed, truncated } from './header-error.ts';

const COLOR_TYPES: Record<number, { mode: string; alpha: boolean; channels: number }> = {
  0: { mode: 'gray', alpha: false, channels: 1 },
  2: { mode: 'rgb', alpha: false, channels: 3 },
  3: { mode: 'indexed', alpha: false, channels: 1 },
  4: { mode: 'gray', alpha: true, channels: 2 },
  6: { mode: 'rgb', alpha: true, channels: 4 },
};

/**
 * IHDR, pHYs and tRNS, walking every chunk to IEND so a cut-off upload is caught here
 * (each step advances at least 12 bytes, so the walk is bounded by the file size).
 */
export function readPngHeader(bytes: Uint8Array): RasterFacts {
  const view = new ByteView(bytes);
  if (view.length < 33) throw truncated('the IHDR chunk', 8, view.length);
  if (view.u32(8) !== 13 || view.ascii(12, 4) !== 'IHDR') throw malformed('PNG', 'the first chunk is not IHDR');
  const widthPx = view.u32(16);
  const heightPx = view.u32(20);
  const bitDepth = view.u8(24);
  const colorType = COLOR_TYPES[view.u8(25)];
  if (!colorType) throw malformed('PNG', `colour type ${view.u8(25)} does not exist`);
  if (![1, 2, 4, 8, 16].includes(bitDepth)) throw malformed('PNG', `bit depth ${bitDepth} does not exist`);
  checkPixels('PNG', widthPx, heightPx);

  let dpi: RasterFacts['dpi'] = null;
  let transparency = false;
  let offset = 8;
  for (;;) {
    const length = view.u32(offset, 'a chunk header');
    const type = view.ascii(offset + 4, 4);
    view.need(offset + 8, length + 4, `the ${type} chunk`);
    if (type === 'pHYs' && length >= 9 && view.u8(offset + 16) === 1) {
      // Pixels per metre; 0.0254 m to the inch.
      const x = view.u32(offset + 8) * 0.0254;
      const y = view.u32(offset + 12) * 0.0254;
      if (x > 0 && y > 0) dpi = { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
    }
    if (type === 'tRNS') transparency = true;
    offset += 12 + length;
    if (type === 'IEND') break;
    if (offset >= view.length) throw truncated('the IEND chunk', offset, view.length);
  }
  return { kind: 'png', widthPx, heightPx, dpi, colorMode: colorType.mode, bitDepth, hasAlpha: colorType.alpha || transparency };
}
