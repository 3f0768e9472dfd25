import { cmyk, PDFDocument } from 'pdf-lib';

const MM = 72 / 25.4;

/**
 * A one-page business card as a shop expects it: 85 × 55 mm trim with 3 mm bleed all
 * round (a 91 × 61 mm page, TrimBox and BleedBox set), one CMYK fill, no fonts.
 * `tint` makes each card's bytes (and so its stored file) different.
 */
export async function businessCardPdf(tint: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([91 * MM, 61 * MM]);
  page.setBleedBox(0, 0, 91 * MM, 61 * MM);
  page.setTrimBox(3 * MM, 3 * MM, 85 * MM, 55 * MM);
  page.drawRectangle({ x: 0, y: 0, width: 91 * MM, height: 61 * MM, color: cmyk(tint, 0.2, 0, 0) });
  page.drawRectangle({ x: 10 * MM, y: 10 * MM, width: 30 * MM, height: 5 * MM, color: cmyk(0, 0, 0, 1) });
  return doc.save({ useObjectStreams: false });
}
