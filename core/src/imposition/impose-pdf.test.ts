import { cmyk, decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { imposePdf, type ImposedPlacement } from './impose-pdf.ts';

const MM = 72 / 25.4;

async function card(options: { trimBox: boolean }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([91 * MM, 61 * MM]);
  if (options.trimBox) page.setTrimBox(3 * MM, 3 * MM, 85 * MM, 55 * MM);
  page.drawRectangle({ x: 0, y: 0, width: 91 * MM, height: 61 * MM, color: cmyk(0, 1, 0, 0) });
  return doc.save();
}

function content(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams.map((s) => (s instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()) : '')).join('\n');
}

/** The combined transformation placing each embedded form (the `cm`s since its `q`), in drawing order. */
function formMatrices(text: string): number[][] {
  const chunks = text.split(/\bDo\b/).slice(0, -1);
  return chunks.map((chunk) => {
    const block = chunk.slice(chunk.lastIndexOf('q\n'));
    const matrices = [...block.matchAll(/((?:-?[\d.e-]+\s+){6})cm/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    // Each cm pre-multiplies the current matrix.
    return matrices.reduce((ctm, m) => multiply(m, ctm), [1, 0, 0, 1, 0, 0]);
  });
}

function multiply(a: number[], b: number[]): number[] {
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4, b5] = b as [number, number, number, number, number, number];
  return [a0 * b0 + a1 * b2, a0 * b1 + a1 * b3, a2 * b0 + a3 * b2, a2 * b1 + a3 * b3, a4 * b0 + a5 * b2 + b4, a4 * b1 + a5 * b3 + b5];
}

describe('imposing a gang sheet', () => {
  const placements: ImposedPlacement[] = [
    { sheet: 0, x: 3, y: 3, width: 85, height: 55, rotated: false, artworkKey: 'a' },
    { sheet: 0, x: 100, y: 3, width: 55, height: 85, rotated: true, artworkKey: 'b' },
    { sheet: 1, x: 3, y: 3, width: 85, height: 55, rotated: false, artworkKey: 'a' },
  ];

  it('places each copy at its bleed box, turned when rotated, one page per sheet of the sheet size', async () => {
    const artwork = new Map([['a', await card({ trimBox: true })], ['b', await card({ trimBox: false })]]);
    const outcome = await imposePdf({ pageMm: { width: 200, height: 150 }, pages: 2, bleed: 3, gutter: 2, slugs: ['Run X | sheet 1/2', 'Run X | sheet 2/2'], placements, artwork });
    if (!outcome.ok) throw new Error(outcome.problems.join('; '));
    expect(outcome).toMatchObject({ pages: 2, embedded: 3 });
    const pdf = await PDFDocument.load(outcome.bytes);
    const [first, second] = pdf.getPages();
    expect(first!.getSize()).toEqual({ width: expect.closeTo(200 * MM, 3), height: expect.closeTo(150 * MM, 3) });
    const [upright, turned] = formMatrices(content(first!));
    expect(upright!.map((v) => Math.round(v * 1000) / 1000)).toEqual([1, 0, 0, 1, 0, 0]);
    // Turned 90° anticlockwise: its lower-left corner sits one (bleed-box) height right of the bleed box's left edge.
    expect(turned!.slice(0, 4).map((v) => Math.round(v))).toEqual([0, 1, -1, 0]);
    expect(turned![4]).toBeCloseTo((100 - 3 + 61) * MM, 3);
    expect(turned![5]).toBeCloseTo(0, 3);
    expect(formMatrices(content(second!))).toHaveLength(1);
  });

  it('refuses artwork that is not a PDF, naming it', async () => {
    const outcome = await imposePdf({ pageMm: { width: 200, height: 150 }, pages: 1, bleed: 3, gutter: 2, slugs: [], placements: placements.slice(0, 1), artwork: new Map([['a', new TextEncoder().encode('not a pdf')]]) });
    expect(outcome).toEqual({ ok: false, problems: ['artwork a is not a readable PDF'] });
  });
});
