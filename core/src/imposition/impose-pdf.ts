import { cmyk, degrees, PDFDocument, StandardFonts, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import { SLUG_MM } from '../domain/index.ts';

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;
/** Registration colour: crop marks show on every separation. */
const REGISTRATION = cmyk(1, 1, 1, 1);
const MARK_MM = 3;

export interface ImposedPlacement {
  sheet: number;
  /** Trim box on the sheet, mm, origin at the sheet's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  rotated: boolean;
  /** Key into `artwork`: the design PDF printed here. */
  artworkKey: string;
}

export interface ImposeInput {
  /** Page size of every sheet (for a roll: width × length). */
  pageMm: { width: number; height: number };
  pages: number;
  bleed: number;
  gutter: number;
  /** One slug line per page, printed in the strip kept clear at the top. */
  slugs: readonly string[];
  placements: readonly ImposedPlacement[];
  artwork: ReadonlyMap<string, Uint8Array>;
}

export type ImposeOutcome = { ok: true; bytes: Uint8Array; pages: number; embedded: number } | { ok: false; problems: string[] };

/**
 * A print-ready PDF, one page per sheet: each copy is the first page of its design PDF,
 * clipped to its trim box plus the run's bleed and placed (turned when the layout says
 * so), then crop marks at every trim corner and the slug line.
 */
export async function imposePdf(input: ImposeInput): Promise<ImposeOutcome> {
  const out = await PDFDocument.create();
  out.setTitle(input.slugs[0] ?? 'Gang run');
  out.setProducer('Pressline');
  const font = await out.embedFont(StandardFonts.Helvetica);
  const problems: string[] = [];
  const sources = new Map<string, PDFDocument>();
  for (const [key, bytes] of input.artwork) {
    try {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      if (doc.getPageCount() === 0) problems.push(`artwork ${key} has no pages`);
      else sources.set(key, doc);
    } catch {
      problems.push(`artwork ${key} is not a readable PDF`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // One embedded form per artwork and orientation-free size: every copy reuses it.
  const embedded = new Map<string, PDFEmbeddedPage>();
  const pages = Array.from({ length: input.pages }, () => out.addPage([pt(input.pageMm.width), pt(input.pageMm.height)]));
  let count = 0;
  for (const placement of input.placements) {
    const page = pages[placement.sheet];
    if (!page) return { ok: false, problems: [`a placement is on sheet ${placement.sheet + 1} of ${input.pages}`] };
    const [trimW, trimH] = placement.rotated ? [placement.height, placement.width] : [placement.width, placement.height];
    const formKey = `${placement.artworkKey}|${trimW}|${trimH}`;
    let form = embedded.get(formKey);
    if (!form) {
      const source = sources.get(placement.artworkKey);
      if (!source) return { ok: false, problems: [`no artwork for ${placement.artworkKey}`] };
      form = await out.embedPage(source.getPage(0), clipBox(source.getPage(0), trimW, trimH, input.bleed));
      embedded.set(formKey, form);
    }
    const left = pt(placement.x - input.bleed);
    const bottom = pt(placement.y - input.bleed);
    if (placement.rotated) {
      // Turned 90° anticlockwise about its lower-left corner, so it starts one height to the right.
      page.drawPage(form, { x: left + form.height, y: bottom, rotate: degrees(90) });
    } else {
      page.drawPage(form, { x: left, y: bottom });
    }
    count += 1;
  }
  for (const placement of input.placements) cropMarks(pages[placement.sheet]!, placement, input.bleed, input.gutter);
  pages.forEach((page, i) => slug(page, input.slugs[i] ?? '', font, input.pageMm));
  const bytes = await out.save({ useObjectStreams: true });
  return { ok: true, bytes, pages: pages.length, embedded: count };
}

/** The trim box (the TrimBox, or the trim size centred in the page) grown by the bleed, in points. */
function clipBox(page: PDFPage, trimW: number, trimH: number, bleed: number) {
  const media = page.getMediaBox();
  const trim = page.getTrimBox();
  const hasTrimBox = trim.x !== media.x || trim.y !== media.y || trim.width !== media.width || trim.height !== media.height;
  const box = hasTrimBox
    ? trim
    : { x: media.x + (media.width - pt(trimW)) / 2, y: media.y + (media.height - pt(trimH)) / 2, width: pt(trimW), height: pt(trimH) };
  const b = pt(bleed);
  return { left: box.x - b, bottom: box.y - b, right: box.x + box.width + b, top: box.y + box.height + b };
}

/**
 * Two short lines at each trim corner, starting outside the bleed and no longer than the
 * bleed plus gutter, so they fall on waste and never on a neighbour's trimmed artwork.
 */
function cropMarks(page: PDFPage, p: ImposedPlacement, bleed: number, gutter: number): void {
  const length = Math.min(MARK_MM, bleed + gutter);
  if (length < 0.5) return;
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: pt(x1), y: pt(y1) }, end: { x: pt(x2), y: pt(y2) }, thickness: 0.25, color: REGISTRATION });
  const xs = [p.x, p.x + p.width];
  const ys = [p.y, p.y + p.height];
  for (const [i, x] of xs.entries()) {
    const out = i === 0 ? -1 : 1;
    for (const [j, y] of ys.entries()) {
      const up = j === 0 ? -1 : 1;
      line(x + out * bleed, y, x + out * (bleed + length), y);
      line(x, y + up * bleed, x, y + up * (bleed + length));
    }
  }
}

function slug(page: PDFPage, text: string, font: Awaited<ReturnType<PDFDocument['embedFont']>>, size: { width: number; height: number }): void {
  const fontSize = 6;
  // The standard font encodes WinAnsi only; anything else prints as "?".
  const full = text.replace(/[^\x20-\x7e]/g, '?');
  const room = pt(size.width - 6);
  let safe = full;
  while (safe.length > 0 && font.widthOfTextAtSize(safe === full ? safe : `${safe}...`, fontSize) > room) safe = safe.slice(0, -1);
  if (safe !== full) safe = `${safe}...`;
  page.drawText(safe, { x: pt(3), y: pt(size.height - SLUG_MM + 2), size: fontSize, font, color: REGISTRATION });
}
