import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultInspectLimits } from '../limits.ts';
import { inspectPdf as inspectPdfWith } from './inspect-pdf.ts';
import { factsOf, flateBombPdf, inspect, pageWith, printPdf, rawPdf } from './test-pdfs.ts';

const inspectPdfWithCap = (bytes: Uint8Array, maxOperations: number) => inspectPdfWith(bytes, defaultInspectLimits, 'pdf', maxOperations);

describe('inspectPdf on hostile and broken files', () => {
  it('says a cut-off file is truncated', async () => {
    const bytes = await printPdf();
    for (const length of [20, 200, Math.floor(bytes.length * 0.6), bytes.length - 30]) {
      const result = inspect(bytes.subarray(0, length));
      expect(result, `cut at ${length}`).toMatchObject({ ok: false, finding: { code: 'file.truncated', severity: 'error' } });
      expect(!result.ok && result.finding.fix).toBeTruthy();
    }
  });

  it('refuses garbage with a PDF header as unreadable', () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
    garbage.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
    garbage.set(new TextEncoder().encode('\n%%EOF\n'), garbage.length - 7);
    expect(inspect(garbage)).toMatchObject({ ok: false, finding: { code: 'pdf.unreadable', severity: 'error' } });
  });

  it('stops a Flate bomb at the decode limit', () => {
    const result = inspect(flateBombPdf(48 * 1024 * 1024), { maxUncompressedBytes: 8 * 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, finding: { code: 'pdf.stream_too_large', severity: 'error' } });
    expect(!result.ok && result.finding.message).toMatch(/expands to more than 8\.0 MB, past the limit for one stream/);
  });

  it('stops streams that each pass but together expand past the limit for the file', () => {
    const zeros = String.fromCharCode(...zlibSync(new Uint8Array(5 * 1024 * 1024), { level: 9 }));
    const stream = `<< /Length ${zeros.length} /Filter /FlateDecode >>\nstream\n${zeros}\nendstream`;
    const bytes = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R] >>', stream, stream], '/Root 1 0 R');
    const result = inspect(bytes, { maxUncompressedBytes: 8 * 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, finding: { code: 'pdf.stream_too_large', severity: 'error' } });
    expect(!result.ok && result.finding.message).toMatch(/expand to more than the 8\.0 MB allowed in total/);
  });

  it('reads a stream under the decode limit', () => {
    expect(factsOf(inspect(flateBombPdf(1024 * 1024), { maxUncompressedBytes: 8 * 1024 * 1024 })).pages).toBe(1);
  });

  it('walks a page tree that loops and lies about /Count once, with a warning', () => {
    const bytes = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R 2 0 R 4 0 R] /Count 1000000000 /MediaBox [0 0 100 100] >>',
        '<< /Type /Page /Parent 2 0 R >>',
        '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 5 >>',
      ],
      '/Root 1 0 R',
    );
    const result = inspect(bytes);
    expect(factsOf(result).pages).toBe(1);
    expect(result.ok && result.findings.map((f) => [f.code, f.severity])).toEqual([['pdf.damaged', 'warning']]);
  });

  it('refuses more pages than the limit', async () => {
    const result = inspect(await printPdf(), { maxPdfPages: 2 });
    expect(result).toMatchObject({ ok: false, finding: { code: 'pdf.too_many_pages', severity: 'error' } });
    expect(!result.ok && result.finding.message).toMatch(/more than 2 pages/);
  });

  it('reads forms that fan out into each other once each (40^8 draws if followed blindly)', () => {
    const forms = Array.from({ length: 8 }, (_, i) => {
      const body = i < 7 ? `/F${i + 1} Do `.repeat(40) : 'q 72 0 0 72 0 0 cm /Im Do Q';
      return `<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /F${i + 1} ${i + 6} 0 R /Im 13 0 R >> >> /Length ${body.length} >>\nstream\n${body}\nendstream`;
    });
    const image = '<< /Type /XObject /Subtype /Image /Width 600 /Height 600 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 0 >>\nstream\n\nendstream';
    const result = inspect(pageWith('/F0 Do', '<< /XObject << /F0 5 0 R >> >>', [...forms, image]));
    expect(factsOf(result).pageSizes[0]!.images).toEqual([{ name: 'F0/F1/F2/F3/F4/F5/F6/F7/Im', widthPx: 600, heightPx: 600, effectivePpi: 600, colorSpace: 'DeviceGray' }]);
  });

  it('stops content with more drawing operations than the limit', () => {
    const result = inspectPdfWithCap(pageWith('q Q '.repeat(600), '<< >>'), 1000);
    expect(result).toMatchObject({ ok: false, finding: { code: 'pdf.too_complex', severity: 'error' } });
    expect(!result.ok && result.finding.message).toMatch(/more than 1,000 drawing operations/);
  });

  it('survives nesting deeper than any real file', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const result = inspect(rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${deep} >>`, '<< /Type /Page /Parent 2 0 R >>'], '/Root 1 0 R'));
    expect(result).toMatchObject({ ok: false, finding: { code: 'pdf.too_complex' } });
  });
});

describe('inspectPdf on damaged files', () => {
  it('notes stray bytes between intact objects without making them a warning', () => {
    const text = new TextDecoder('latin1').decode(rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>'], '/Root 1 0 R'));
    const bytes = Uint8Array.from(text.replace('2 0 obj', 'garbage written by a careless tool\n2 0 obj'), (c) => c.charCodeAt(0));
    const result = inspect(bytes);
    expect(factsOf(result).pages).toBe(1);
    expect(result.ok && result.findings.map((f) => [f.code, f.severity])).toEqual([['pdf.damaged', 'info']]);
  });
});
