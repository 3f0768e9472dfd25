import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Inspection, PdfFacts } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { inspectAi, inspectPdf } from './index.ts';
import { inspectPdf as inspectPdfWith } from './inspect-pdf.ts';
import { encryptedPdf, encryptPdf, flateBombPdf, printPdf, rawPdf } from './test-pdfs.ts';

function factsOf(result: Inspection): PdfFacts {
  if (!result.ok) throw new Error(`expected facts, got ${result.finding.code}: ${result.finding.message}`);
  return result.facts as PdfFacts;
}

const inspectPdfWithCap = (bytes: Uint8Array, maxOperations: number) => inspectPdfWith(bytes, defaultInspectLimits, 'pdf', maxOperations);
const inspect = (bytes: Uint8Array, limits: Partial<typeof defaultInspectLimits> = {}) => inspectPdf(bytes, { ...defaultInspectLimits, ...limits });

/** A one-page PDF around a content stream and its resources. */
function pageWith(content: string, resources: string, extra: string[] = [], pageExtra = ''): Uint8Array {
  return rawPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} ${pageExtra} >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ...extra,
    ],
    '/Root 1 0 R',
  );
}

describe('inspectPdf on a print file built with pdf-lib', () => {
  for (const useObjectStreams of [true, false]) {
    describe(useObjectStreams ? 'with object streams' : 'with a classic xref table', () => {
      it('reads the pages, their boxes, bleed and rotation in mm', async () => {
        const facts = factsOf(inspect(await printPdf({ useObjectStreams })));
        expect(facts.kind).toBe('pdf');
        expect(facts.pages).toBe(3);
        const [a4, small, letter] = facts.pageSizes;
        expect(a4!.trimBoxMm).toEqual({ x: 3, y: 3, width: 210, height: 297 });
        expect(a4!.mediaBoxMm).toEqual({ x: 0, y: 0, width: 216, height: 303 });
        expect(a4!.bleedMm).toEqual({ top: 3, right: 3, bottom: 3, left: 3 });
        expect(small!.mediaBoxMm).toEqual({ x: 0, y: 0, width: 100, height: 150 });
        expect(small!.trimBoxMm).toBeNull();
        expect(small!.bleedMm).toBeNull();
        expect(letter!.mediaBoxMm).toEqual({ x: 0, y: 0, width: 215.9, height: 279.4 });
        expect(letter!.rotate).toBe(90);
      });

      it('tells embedded fonts from a standard font that is not, with the pages they are used on', async () => {
        const facts = factsOf(inspect(await printPdf({ useObjectStreams })));
        const liberation = facts.fonts.find((f) => f.name.includes('LiberationSans'));
        const helvetica = facts.fonts.find((f) => f.name === 'Helvetica');
        expect(liberation).toMatchObject({ type: 'Type0', embedded: true, pages: [1] });
        expect(helvetica).toMatchObject({ type: 'Type1', embedded: false, pages: [2] });
      });

      it('gives every placed image its effective ppi: XObjects, inside a scaled form, and inline', async () => {
        const facts = factsOf(inspect(await printPdf({ useObjectStreams })));
        const ppi = facts.pageSizes.map((page) => page.images.map((image) => [image.widthPx, image.heightPx, image.effectivePpi]));
        expect(ppi).toEqual([[[600, 300, 300]], [[300, 150, 75]], [[600, 300, 216], [4, 4, 4]]]);
        expect(facts.pageSizes[2]!.images[0]!.name).toBe('Fm0/Im0');
      });

      it('lists colour spaces (process, spot by name) and finds transparency on the page that has it', async () => {
        const facts = factsOf(inspect(await printPdf({ useObjectStreams })));
        expect(facts.colorSpaces).toEqual(['DeviceCMYK', 'DeviceGray', 'DeviceRGB', 'Separation:PANTONE 485 C']);
        expect(facts.pageSizes[0]!.colorSpaces).toEqual(['DeviceCMYK', 'DeviceRGB']);
        expect(facts.pageSizes.map((p) => p.transparency)).toEqual([false, true, false]);
        expect(facts.transparency).toBe(true);
        expect(facts.version).toBe('1.7');
        expect(facts.encrypted).toBe(false);
      });
    });
  }
});

describe('inspectPdf on hand-written files', () => {
  it('reports an encrypted file as such, with the structure it can still read', () => {
    const result = inspect(encryptedPdf());
    const facts = factsOf(result);
    expect(facts.encrypted).toBe(true);
    expect(facts.pages).toBe(1);
    expect(facts.fonts).toEqual([{ name: 'Helvetica', type: 'Type1', embedded: false, pages: [1] }]);
    expect(result.ok && result.findings.map((f) => [f.code, f.severity])).toEqual([['pdf.encrypted', 'error']]);
  });

  it('refuses an encrypted file whose pages sit in an (encrypted) object stream', () => {
    const bytes = rawPdf(
      ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /ObjStm /N 1 /First 4 /Length 10 >>\nstream\n\u00e7\u0011\u0092\u00ab\u0004\u00ff\u0000\u0031\u0099\u0002\nendstream', '<< /Filter /Standard /V 2 /R 3 >>'],
      '/Root 1 0 R /Encrypt 3 0 R',
    );
    const result = inspect(bytes);
    expect(result).toMatchObject({ ok: false, kind: 'pdf', finding: { code: 'pdf.encrypted', severity: 'error' } });
  });

  it('takes the catalog /Version when it is later than the header', () => {
    const bytes = rawPdf(['<< /Type /Catalog /Pages 2 0 R /Version /1.7 >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 100 100] >>', '<< /Type /Page /Parent 2 0 R >>'], '/Root 1 0 R', '1.4');
    expect(factsOf(inspect(bytes)).version).toBe('1.7');
  });

  it('inherits MediaBox and Rotate from the page tree, and assumes Letter with a warning when there is none', () => {
    const bytes = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 283.465 283.465] /Rotate 270 >>',
        '<< /Type /Page /Parent 2 0 R >>',
        '<< /Type /Pages /Parent 2 0 R /Kids [5 0 R] /Count 1 /MediaBox [0 0 0 0] >>',
        '<< /Type /Page /Parent 4 0 R /Rotate -90 >>',
      ],
      '/Root 1 0 R',
    );
    const result = inspect(bytes);
    const facts = factsOf(result);
    expect(facts.pageSizes[0]).toMatchObject({ mediaBoxMm: { width: 100, height: 100 }, rotate: 270 });
    expect(facts.pageSizes[1]).toMatchObject({ mediaBoxMm: { width: 215.9, height: 279.4 }, rotate: 270 });
    expect(result.ok && result.findings.map((f) => f.code)).toEqual(['pdf.media_box_missing']);
  });

  it('clips TrimBox and BleedBox to the MediaBox and measures uneven bleed per side', () => {
    const bytes = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${200 * (72 / 25.4)} ${200 * (72 / 25.4)}] /TrimBox [${10 * (72 / 25.4)} ${5 * (72 / 25.4)} ${190 * (72 / 25.4)} ${195 * (72 / 25.4)}] /BleedBox [-50 0 ${300 * (72 / 25.4)} ${198 * (72 / 25.4)}] >>`,
      ],
      '/Root 1 0 R',
    );
    const page = factsOf(inspect(bytes)).pageSizes[0]!;
    expect(page.bleedBoxMm).toEqual({ x: 0, y: 0, width: 200, height: 198 });
    expect(page.bleedMm).toEqual({ top: 3, right: 10, bottom: 5, left: 10 });
  });

  it('describes ICC, indexed, DeviceN and process-colour separations the way the rules read them', () => {
    const content = '/C1 cs /C2 CS /C3 cs /C4 cs /C5 cs 1 0 0 RG /Im1 Do';
    const resources = '<< /ColorSpace << /C1 [/ICCBased 5 0 R] /C2 [/Indexed /DeviceRGB 1 <000000FFFFFF>] /C3 [/DeviceN [/Cyan /Gold] /DeviceCMYK 6 0 R] /C4 [/Separation /Black /DeviceCMYK 6 0 R] /C5 [/DeviceN [/Cyan /Magenta] /DeviceCMYK 6 0 R] >> /XObject << /Im1 7 0 R >> >>';
    const bytes = pageWith(content, resources, [
      '<< /N 4 /Length 0 >>\nstream\n\nendstream',
      '<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 0 1] /N 1 >>',
      '<< /Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace [/ICCBased 8 0 R] /BitsPerComponent 8 /Length 0 >>\nstream\n\nendstream',
      '<< /N 3 /Length 0 >>\nstream\n\nendstream',
    ]);
    expect(factsOf(inspect(bytes)).colorSpaces).toEqual(['DeviceCMYK', 'DeviceN:Cyan,Gold', 'DeviceRGB', 'ICCBased:CMYK', 'ICCBased:RGB', 'Indexed:DeviceRGB']);
  });

  it('finds transparency in ExtGState (alpha, blend mode, soft mask) but not in opaque states', () => {
    const states: [string, boolean][] = [
      ['<< /ca 0.5 >>', true],
      ['<< /CA 0.99 >>', true],
      ['<< /BM /Multiply >>', true],
      ['<< /BM [/Normal] /SMask /None /CA 1 /ca 1 >>', false],
      ['<< /SMask << /S /Luminosity /G 9 0 R >> >>', true],
      ['<< /BM /Compatible >>', false],
    ];
    for (const [state, transparent] of states) {
      const bytes = pageWith('/GS1 gs 0 0 10 10 re f', `<< /ExtGState << /GS1 ${state} >> >>`);
      expect(factsOf(inspect(bytes)).transparency, state).toBe(transparent);
    }
    const unusedState = pageWith('0 0 10 10 re f', '<< /ExtGState << /GS1 << /ca 0.2 >> >> >>');
    expect(factsOf(inspect(unusedState)).transparency).toBe(false);
    const groupPage = pageWith('', '<< >>', [], '/Group << /S /Transparency /CS /DeviceRGB >>');
    expect(factsOf(inspect(groupPage)).transparency).toBe(true);
  });

  it('follows q/Q/cm through nested forms and skips a form that draws itself', () => {
    const content = 'q 2 0 0 2 0 0 cm /Fm1 Do Q q 144 0 0 144 0 0 cm /Im1 Do Q';
    const resources = '<< /XObject << /Fm1 5 0 R /Im1 6 0 R >> >>';
    const form = 'q 36 0 0 36 0 0 cm /Im1 Do Q /Fm1 Do';
    const bytes = pageWith(content, resources, [
      `<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 50 50] /Resources ${resources} /Length ${form.length} >>\nstream\n${form}\nendstream`,
      '<< /Type /XObject /Subtype /Image /Width 300 /Height 300 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 0 >>\nstream\n\nendstream',
    ]);
    const images = factsOf(inspect(bytes)).pageSizes[0]!.images;
    // In the form: 36 pt × 2 = 72 pt for 300 px → 300 ppi; on the page: 144 pt → 150 ppi.
    expect(images.map((i) => [i.name, i.effectivePpi])).toEqual([
      ['Fm1/Im1', 300],
      ['Im1', 150],
    ]);
  });

  it('lets an incremental update replace an object', () => {
    const original = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>'], '/Root 1 0 R');
    const update = new TextEncoder().encode('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>\nendobj\ntrailer\n<< /Size 4 /Root 1 0 R >>\n%%EOF\n');
    const bytes = new Uint8Array([...original, ...update]);
    expect(factsOf(inspect(bytes)).pageSizes[0]!.mediaBoxMm.width).toBeCloseTo(70.556, 2);
  });
});

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
  });

  it('survives nesting deeper than any real file', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const result = inspect(rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${deep} >>`, '<< /Type /Page /Parent 2 0 R >>'], '/Root 1 0 R'));
    expect(result).toMatchObject({ ok: false, finding: { code: 'pdf.too_complex' } });
  });
});

describe('inspectAi', () => {
  it('inspects a PDF-compatible Illustrator file as a PDF of kind ai', async () => {
    const result = inspectAi(await printPdf(), defaultInspectLimits);
    expect(result.ok && result.kind).toBe('ai');
    expect(factsOf(result).kind).toBe('ai');
    expect(factsOf(result).pages).toBe(3);
  });

  it('refuses a PostScript-only Illustrator file, saying how to save it', () => {
    const bytes = new TextEncoder().encode('%!PS-Adobe-3.0\n%%Creator: Adobe Illustrator(R) 8.0\n%%BoundingBox: 0 0 100 100\n%%EOF\n');
    const result = inspectAi(bytes, defaultInspectLimits);
    expect(result).toMatchObject({ ok: false, kind: 'ai', finding: { code: 'ai.not_pdf_compatible', severity: 'error' } });
    expect(!result.ok && result.finding.fix).toMatch(/Create PDF Compatible File/);
  });
});

describe('inspectPdf on encrypted files', () => {
  /** pdf.js, an independent reader, as the judge that a test file is encrypted to the standard. */
  async function textOfFirstPage(bytes: Uint8Array, password?: string): Promise<string> {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loading = getDocument({ data: bytes.slice(), password, verbosity: 0 });
    try {
      const page = await (await loading.promise).getPage(1);
      return (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    } finally {
      await loading.destroy();
    }
  }

  const methods = { aes: 'AES-128', rc4: 'RC4 128-bit', aes256: 'AES-256' } as const;
  for (const method of ['aes', 'rc4', 'aes256'] as const) {
    it(`reads a file secured with ${methods[method]} that opens without a password, in full`, async () => {
      const plain = await printPdf({ useObjectStreams: false });
      const secured = await encryptPdf(plain, { method });
      expect(await textOfFirstPage(secured)).toContain('Embedded');
      const result = inspect(secured);
      const facts = factsOf(result);
      expect(facts.encrypted).toBe(true);
      expect(result.ok && result.findings).toEqual([]);
      expect({ ...facts, encrypted: false }).toEqual(factsOf(inspect(plain)));
    });
  }

  it.each(['aes', 'aes256'] as const)('reports a file that needs a user password (%s) as encrypted and unreadable', async (method) => {
    const secured = await encryptPdf(await printPdf({ useObjectStreams: false }), { method, userPassword: 'secret' });
    expect(await textOfFirstPage(secured, 'secret')).toContain('Embedded');
    const result = inspect(secured);
    expect(factsOf(result).encrypted).toBe(true);
    expect(factsOf(result).pageSizes[0]!.images).toEqual([]);
    expect(result.ok && result.findings.map((f) => [f.code, f.severity])).toEqual([['pdf.encrypted', 'error']]);
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

describe('inspectPdf and layers (optional content)', () => {
  const image = (px: number) => `<< /Type /XObject /Subtype /Image /Width ${px} /Height ${px} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 0 >>\nstream\n\nendstream`;
  function layered(groups: string, content: string, extraResources = ''): Uint8Array {
    return rawPdf(
      [
        `<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [5 0 R 6 0 R 7 0 R] /D ${groups} >> >>`,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Properties << /Hidden 5 0 R /Shown 6 0 R /NoPrint 7 0 R /Either 8 0 R >> /XObject << /Im1 9 0 R /Im2 10 0 R /Im3 11 0 R /Im4 12 0 R /Fm 13 0 R >> ${extraResources} >> >>`,
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
        '<< /Type /OCG /Name (Old version) >>',
        '<< /Type /OCG /Name (Artwork) >>',
        '<< /Type /OCG /Name (Die line) /Usage << /Print << /PrintState /OFF >> >> >>',
        '<< /Type /OCMD /OCGs [5 0 R 6 0 R] /P /AnyOn >>',
        image(100),
        image(200),
        image(300),
        image(400),
        '<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /OC 5 0 R /Resources << /XObject << /Im 9 0 R >> >> /Length 6 >>\nstream\n/Im Do\nendstream',
      ],
      '/Root 1 0 R',
    );
  }
  const ppiOf = (bytes: Uint8Array) => factsOf(inspect(bytes)).pageSizes[0]!.images.map((i) => i.effectivePpi);

  it('leaves out what sits on a layer that is off or does not print, and keeps what is on', () => {
    const content = 'q 72 0 0 72 0 0 cm /OC /Hidden BDC /Im1 Do EMC /Fm Do /OC /Shown BDC /Im2 Do EMC /OC /NoPrint BDC /Im3 Do EMC /OC /Either BDC /Im4 Do EMC Q';
    expect(ppiOf(layered('<< /OFF [5 0 R] >>', content))).toEqual([200, 400]);
  });

  it('follows BaseState /OFF with an ON list, nested marked content, and inline images on a hidden layer', () => {
    const content = 'q 72 0 0 72 0 0 cm /OC /Shown BDC /Span BMC /Im2 Do EMC EMC /OC /Hidden BDC BI /W 2 /H 2 /CS /G /BPC 8 ID \u0000EI\u0000 EI /Im1 Do EMC /Im4 Do Q';
    expect(ppiOf(layered('<< /BaseState /OFF /ON [6 0 R] >>', content))).toEqual([200, 400]);
  });

  it('checks everything when no layer is off', () => {
    const content = 'q 72 0 0 72 0 0 cm /OC /Hidden BDC /Im1 Do EMC /Im2 Do Q';
    expect(ppiOf(layered('<< >>', content))).toEqual([100, 200]);
  });
});

describe('inspectPdf and annotations', () => {
  it('judges what a printing annotation shows (a stamp image), scaled into its rectangle, and ignores one that does not print', () => {
    const stamp = 'q 50 0 0 50 0 0 cm /Im Do Q';
    const bytes = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R 5 0 R] >>',
        '<< /Type /Annot /Subtype /Stamp /F 4 /Rect [100 100 244 244] /AP << /N 6 0 R >> >>',
        '<< /Type /Annot /Subtype /Stamp /F 0 /Rect [300 300 310 310] /AP << /N 6 0 R >> >>',
        `<< /Type /XObject /Subtype /Form /BBox [0 0 50 50] /Resources << /XObject << /Im 7 0 R >> >> /Length ${stamp.length} >>\nstream\n${stamp}\nendstream`,
        '<< /Type /XObject /Subtype /Image /Width 300 /Height 300 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 0 >>\nstream\n\nendstream',
      ],
      '/Root 1 0 R',
    );
    const facts = factsOf(inspect(bytes));
    // 300 px over the 144 pt (2 in) rectangle: 150 ppi. The one without the Print flag adds nothing.
    expect(facts.pageSizes[0]!.images).toEqual([{ name: 'Stamp annotation/Im', widthPx: 300, heightPx: 300, effectivePpi: 150, colorSpace: 'DeviceRGB' }]);
    expect(facts.colorSpaces).toEqual(['DeviceRGB']);
  });
});
