import { zlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../domain/preflight/inspect-file.ts';
import { concatBytes, printPdf, rawPdf } from '../domain/preflight/pdf/test-pdfs.ts';
import { closeInspectWorkers, inspectInWorker, renderThumbnailInWorker } from './inspect-in-worker.ts';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** One page whose (compressed) content stream holds `operations` path operators: slow to read, small to store. */
function busyPdf(operations: number): Uint8Array {
  const content = zlibSync(latin1('0 0 m '.repeat(operations)), { level: 9 });
  const head = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'], '/Root 1 0 R');
  return concatBytes([head, latin1(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, latin1('\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n')]);
}

/** One page whose page dictionary carries an array of `count` names: cheap to store (4 bytes each), heavy to hold. */
function heavyPdf(count: number): Uint8Array {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Junk [${'/ab '.repeat(count)}] >>`], '/Root 1 0 R');
}

afterAll(() => closeInspectWorkers());

describe('inspectInWorker', () => {
  it('gives the same answer as inspecting in process', async () => {
    const bytes = await printPdf();
    const inProcess = await inspectFile(bytes.slice(), { name: 'flyer.pdf' });
    const inWorker = await inspectInWorker(bytes.slice(), { name: 'flyer.pdf' });
    expect(inWorker.ok).toBe(true);
    expect(inWorker).toEqual(inProcess);
  }, 30_000);

  it('moves the bytes instead of copying them, and copies a view into a larger buffer once', async () => {
    const pdf = await printPdf();
    const owned = pdf.slice();
    expect((await inspectInWorker(owned, { name: 'a.pdf' })).ok).toBe(true);
    expect(owned.byteLength).toBe(0);

    const larger = new Uint8Array(pdf.length + 16);
    larger.set(pdf, 16);
    const view = larger.subarray(16);
    expect((await inspectInWorker(view, { name: 'b.pdf' })).ok).toBe(true);
    expect(view.byteLength).toBe(pdf.length);
  }, 30_000);

  it('stops a file that takes longer than the time budget, and the next file is checked normally', async () => {
    const result = await inspectInWorker(busyPdf(5_000_000), { name: 'busy.pdf', timeoutMs: 150 });
    expect(result).toMatchObject({ ok: false, finding: { code: 'file.timeout', severity: 'error' } });
    expect(!result.ok && result.finding.message).toMatch(/longer than 150 ms/);
    expect((await inspectInWorker(await printPdf(), { name: 'next.pdf' })).ok).toBe(true);
  }, 30_000);

  it('stops a file that needs more memory than allowed', async () => {
    const result = await inspectInWorker(heavyPdf(6_000_000), { name: 'heavy.pdf', maxMemoryMb: 64 });
    expect(result).toMatchObject({ ok: false, finding: { code: 'file.too_complex', severity: 'error' } });
    expect(!result.ok && result.finding.message).toMatch(/more than the 64 MB of memory allowed/);
  }, 60_000);

  it('answers several files at once, more than there are threads', async () => {
    const pdf = await printPdf();
    const results = await Promise.all([1, 2, 3, 4].map((n) => inspectInWorker(pdf.slice(), { name: `${n}.pdf` })));
    expect(results.map((r) => r.ok && r.facts.kind === 'pdf' && r.facts.pages)).toEqual([3, 3, 3, 3]);
  }, 60_000);
});

describe('renderThumbnailInWorker', () => {
  it('draws the first page as a PNG', async () => {
    const result = await renderThumbnailInWorker(await printPdf(), { kind: 'pdf', size: 120 });
    expect(result.ok).toBe(true);
    expect(result.ok && [...result.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  }, 60_000);

  it('answers a file it cannot draw with a warning, not a throw', async () => {
    const result = await renderThumbnailInWorker(latin1('%PDF-1.7\nnot really a pdf\n'), { kind: 'pdf', size: 120 });
    expect(result).toMatchObject({ ok: false, finding: { code: 'thumbnail.failed', severity: 'warning' } });
  }, 60_000);
});

describe('previews of every kind, drawn in the worker', () => {
  it('shades a mesh and draws an SVG without running its script', async () => {
    const { binaryStl, cube } = await import('../domain/preflight/mesh/fixtures/mesh-fixtures.ts');
    const mesh = await renderThumbnailInWorker(binaryStl(cube(20)), { kind: 'stl', size: 96 });
    expect(mesh.ok && [...mesh.png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const svg = (body: string) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" width="40mm" height="40mm" viewBox="0 0 40 40">${body}<rect id="r" width="40" height="40" fill="blue"/></svg>`);
    const withScript = await renderThumbnailInWorker(svg(`<script>document.getElementById('r').setAttribute('fill','red')</script>`), { kind: 'svg', size: 64 });
    const plain = await renderThumbnailInWorker(svg(''), { kind: 'svg', size: 64 });
    expect(withScript.ok && plain.ok).toBe(true);
    expect(withScript.ok && plain.ok && Buffer.from(withScript.png).equals(Buffer.from(plain.png))).toBe(true);
  }, 60_000);
});
