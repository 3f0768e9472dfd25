import { describe, expect, it } from 'vitest';
import { factsOf, inspect, rawPdf } from './test-pdfs.ts';

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
