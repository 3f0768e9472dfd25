import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Images above this many pixels are not decoded for a thumbnail (pdf.js leaves them out). */
const MAX_IMAGE_PIXELS = 40_000_000;

/** pdf.js's own data folders (standard fonts, CMaps, wasm decoders), so nothing comes from the system. */
function pdfjsFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return `${join(root, name)}/`;
}

/**
 * A PNG of the first page, its longer side `size` pixels, drawn by pdf.js on
 * @napi-rs/canvas. Nothing from the file runs: pdf.js 6 has no eval path left (the
 * old isEvalSupported option is gone), document scripts only ever run in the viewer's
 * scripting sandbox, which is not loaded here, and XFA is off. Fonts the file does not
 * embed come from pdf.js's bundled standard fonts, never from the system. Run it inside
 * the worker runner (task 'thumbnail') for the time and memory limits.
 */
export async function renderPdfThumbnail(bytes: Uint8Array, options: { size: number }): Promise<Uint8Array> {
  const size = Math.max(16, Math.min(4096, Math.round(options.size)));
  const loading = getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given.
    data: bytes,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: pdfjsFolder('standard_fonts'),
    cMapUrl: pdfjsFolder('cmaps'),
    cMapPacked: true,
    wasmUrl: pdfjsFolder('wasm'),
    iccUrl: pdfjsFolder('iccs'),
    enableXfa: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    stopAtErrors: false,
    verbosity: 0,
  });
  const pdf = await loading.promise;
  try {
    const page = await pdf.getPage(1);
    const unit = page.getViewport({ scale: 1 });
    const scale = size / Math.max(unit.width, unit.height);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return new Uint8Array(await canvas.encode('png'));
  } finally {
    await loading.destroy();
  }
}
