import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { printPdf, rawPdf } from '../../domain/preflight/pdf/test-pdfs.ts';
import { renderPdfThumbnail } from './render-pdf-thumbnail.ts';

function darkPixels(png: PNG): number {
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 100 && png.data[i + 1]! < 100 && png.data[i + 2]! < 100) dark++;
  return dark;
}

describe('renderPdfThumbnail', () => {
  it('draws the first page with its longer side at the asked size', async () => {
    const png = PNG.sync.read(Buffer.from(await renderPdfThumbnail(await printPdf(), { size: 200 })));
    // Page 1 is 216 × 303 mm: portrait.
    expect(png.height).toBe(200);
    expect(png.width).toBe(Math.round((200 * 216) / 303));
  }, 30_000);

  it('draws text in a font the file does not embed, with no system fonts', async () => {
    const content = 'BT /F1 60 Tf 20 40 Td (Hello) Tj ET';
    const bytes = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 150] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ],
      '/Root 1 0 R',
    );
    const png = PNG.sync.read(Buffer.from(await renderPdfThumbnail(bytes, { size: 300 })));
    expect([png.width, png.height]).toEqual([300, 150]);
    expect(darkPixels(png)).toBeGreaterThan(500);
  }, 30_000);

  it('rejects a file with no pages (the worker runner turns that into a finding)', async () => {
    await expect(renderPdfThumbnail(new TextEncoder().encode('%PDF-1.7\ngarbage'), { size: 100 })).rejects.toThrow();
  }, 30_000);
});
