import { describe, expect, it } from 'vitest';
import { encryptedPdf, factsOf, inspect, pageWith, printPdf, rawPdf } from './test-pdfs.ts';

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
