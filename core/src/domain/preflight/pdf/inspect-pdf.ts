import type { Finding, InspectLimits, Inspection, PdfFacts, PdfPageFacts } from '../facts.ts';
import { bleedOf, clip, readRect, toMm, type Rect } from './boxes.ts';
import { ContentScanner, type WorkBudget } from './content-scanner.ts';
import type { DecodeBudget } from './decode-stream.ts';
import { contentUnreadableFinding, damagedFinding, encryptedFinding, mediaBoxMissingFinding, pdfError } from './findings.ts';
import { fontFacts } from './fonts.ts';
import { isNumber, PdfLimitError, type PdfDict } from './objects.ts';
import { OptionalContent } from './optional-content.ts';
import { catalogOf, collectPages, type PageInfo } from './page-tree.ts';
import { PdfFile } from './read-file.ts';

/** Drawing operators per document; a real 1,000-page catalogue stays far below. */
const MAX_OPERATIONS = 30_000_000;
/** The largest single decoded stream; real content streams are a few MB. */
const MAX_STREAM_BYTES = 256 * 1024 * 1024;
const LETTER: Rect = { x1: 0, y1: 0, x2: 612, y2: 792 };

/**
 * The facts of a PDF, read without rendering: pages and their boxes, fonts, placed
 * images with their effective resolution, colour spaces, version, encryption and
 * transparency. A file it cannot read comes back `ok: false` with one error finding;
 * it never throws, and every loop and buffer is bounded (see the caps in each module).
 */
export function inspectPdf(bytes: Uint8Array, limits: InspectLimits, kind: 'pdf' | 'ai' = 'pdf', maxOperations = MAX_OPERATIONS): Inspection {
  try {
    return read(bytes, limits, kind, maxOperations);
  } catch (error) {
    if (error instanceof PdfLimitError) return pdfError(kind, error.code, error.message);
    if (error instanceof RangeError) return pdfError(kind, 'pdf.too_complex', 'The PDF is too complex to check within the limits.');
    return pdfError(kind, 'pdf.unreadable', 'The PDF could not be read: its structure is broken.');
  }
}

function read(bytes: Uint8Array, limits: InspectLimits, kind: 'pdf' | 'ai', maxOperations: number): Inspection {
  const decode: DecodeBudget = { remaining: limits.maxUncompressedBytes, spent: 0, perStream: Math.min(MAX_STREAM_BYTES, limits.maxUncompressedBytes) };
  const file = new PdfFile(bytes, decode);
  file.scan();
  if (file.headerVersion === null && file.objects.size === 0) return pdfError(kind, 'pdf.unreadable', 'The file is not a PDF: it has no PDF header and no PDF objects.');
  const encrypted = file.encrypted;
  // Encrypted but opening without a password (restrictions only): read like any other file.
  const unreadable = encrypted && !file.decryptor;
  const { pages, repaired } = collectPages(file, limits.maxPdfPages);
  if (pages.length === 0) {
    if (unreadable) return { ok: false, kind, finding: encryptedFinding() };
    if (file.truncated) return truncated(kind, bytes.length);
    return pdfError(kind, 'pdf.unreadable', 'The PDF has no readable pages: its page tree is missing or broken.');
  }
  if (file.truncated) return truncated(kind, bytes.length);

  const findings: Finding[] = [];
  if (unreadable) findings.push(encryptedFinding());
  const scanner = new ContentScanner(file, decode, { operations: maxOperations, limit: maxOperations } satisfies WorkBudget, new OptionalContent(file));
  const fontUsage = new Map<PdfDict, Set<number>>();
  const unreadablePages: number[] = [];
  const noMediaBox: number[] = [];
  const pageSizes = pages.map((page, index) => {
    const number = index + 1;
    const facts = pageFacts(page, number, file, noMediaBox);
    if (unreadable) {
      // Strings and streams are encrypted, dictionaries are not: the fonts on offer are still known.
      for (const font of file.dict(page.resources?.get('Font'))?.values() ?? []) {
        const dict = file.dict(font);
        if (dict) addUsage(fontUsage, dict, number);
      }
      return facts;
    }
    const content = scanner.scanPage(page.dict, page.resources, userUnitOf(page, file));
    for (const font of content.fonts) addUsage(fontUsage, font, number);
    if (content.unreadable) unreadablePages.push(number);
    return { ...facts, images: content.images, colorSpaces: [...content.colorSpaces].sort(), transparency: facts.transparency || content.transparency };
  });
  if (unreadablePages.length > 0) findings.push(contentUnreadableFinding(unreadablePages));
  if (noMediaBox.length > 0) findings.push(mediaBoxMissingFinding(noMediaBox));
  if (repaired || file.skippedBytes > 0) {
    findings.push(damagedFinding(repaired ? 'its page tree is broken or loops' : `${file.skippedBytes} bytes between objects are not PDF`, repaired));
  }

  const facts: PdfFacts = {
    kind,
    version: versionOf(file),
    encrypted,
    pages: pages.length,
    pageSizes,
    fonts: fontFacts(fontUsage, file),
    colorSpaces: [...new Set(pageSizes.flatMap((p) => p.colorSpaces))].sort(),
    transparency: pageSizes.some((p) => p.transparency),
  };
  return { ok: true, kind, facts, findings };
}

function truncated(kind: 'pdf' | 'ai', length: number): Inspection {
  return pdfError(kind, 'file.truncated', `The PDF ends early: after ${length} bytes it stops in the middle of its data, without the end-of-file marker.`);
}

function addUsage(usage: Map<PdfDict, Set<number>>, font: PdfDict, page: number): void {
  const pages = usage.get(font) ?? new Set<number>();
  pages.add(page);
  usage.set(font, pages);
}

function userUnitOf(page: PageInfo, file: PdfFile): number {
  const unit = file.resolve(page.dict.get('UserUnit'));
  return isNumber(unit) && unit > 0 && unit <= 75_000 ? unit : 1;
}

function pageFacts(page: PageInfo, number: number, file: PdfFile, noMediaBox: number[]): PdfPageFacts {
  const userUnit = userUnitOf(page, file);
  let media = readRect(page.mediaBox, file.resolve);
  if (!media) {
    noMediaBox.push(number);
    media = LETTER;
  }
  const trim = clip(readRect(page.dict.get('TrimBox'), file.resolve), media);
  const bleed = clip(readRect(page.dict.get('BleedBox'), file.resolve), media);
  const group = file.dict(page.dict.get('Group'));
  return {
    number,
    mediaBoxMm: toMm(media, userUnit),
    trimBoxMm: trim ? toMm(trim, userUnit) : null,
    bleedBoxMm: bleed ? toMm(bleed, userUnit) : null,
    bleedMm: trim && bleed ? bleedOf(trim, bleed, userUnit) : null,
    rotate: page.rotate,
    images: [],
    colorSpaces: [],
    transparency: group?.get('S') === 'Transparency',
  };
}

/** The header's version, or the catalog's /Version when that is later (§7.2.2). */
function versionOf(file: PdfFile): string {
  const header = file.headerVersion ?? '1.0';
  const catalogVersion = catalogOf(file)?.get('Version');
  const declared = typeof catalogVersion === 'string' && /^\d\.\d$/.test(catalogVersion) ? catalogVersion : null;
  return declared && Number(declared) > Number(header) ? declared : header;
}
