import type { BoxMm, Finding, PdfFacts, PdfPageFacts } from '../facts.ts';
import { colorFindings } from './color-rules.ts';
import { list, mm, plural, size } from './format.ts';
import { imageFindings } from './image-rules.ts';
import type { PreflightRules } from './preflight-rules.ts';
import { impliedBleed, matchesTrim } from './trim.ts';

/** The artwork's finished size on a page: the TrimBox when it has one, else the MediaBox. */
function trimmedBox(page: PdfPageFacts): BoxMm {
  return page.trimBoxMm ?? page.mediaBoxMm;
}

function pageSize(page: PdfPageFacts): { width: number; height: number } {
  const box = trimmedBox(page);
  return page.rotate % 180 === 0 ? box : { width: box.height, height: box.width };
}

function pageBleed(page: PdfPageFacts, rules: PreflightRules): number | null {
  if (page.bleedMm) return Math.min(page.bleedMm.top, page.bleedMm.right, page.bleedMm.bottom, page.bleedMm.left);
  if (!page.trimBoxMm && rules.trimMm) return impliedBleed(page.mediaBoxMm, rules.trimMm, rules.trimToleranceMm);
  // A TrimBox smaller than the MediaBox with no BleedBox: the media margin is the bleed.
  if (page.trimBoxMm) {
    const t = page.trimBoxMm;
    const m = page.mediaBoxMm;
    const margin = Math.min(t.x - m.x, t.y - m.y, m.x + m.width - (t.x + t.width), m.y + m.height - (t.y + t.height));
    return margin > 0 ? margin : null;
  }
  return null;
}

export function pdfFindings(facts: PdfFacts, rules: PreflightRules): Finding[] {
  const findings: Finding[] = [];
  if (rules.pages && (facts.pages < rules.pages.min || facts.pages > rules.pages.max)) {
    const wanted = rules.pages.min === rules.pages.max ? `${rules.pages.min}` : `${rules.pages.min}–${rules.pages.max}`;
    findings.push({
      code: 'pdf.page_count',
      severity: 'error',
      message: `The file has ${plural(facts.pages, 'page')}; this product needs ${wanted}.`,
      fix: `Export exactly the ${wanted} page${wanted === '1' ? '' : 's'} to be printed.`,
    });
  }

  for (const page of facts.pageSizes) findings.push(...pageFindings(page, rules));

  if (rules.requireEmbeddedFonts) {
    for (const font of facts.fonts.filter((f) => !f.embedded)) {
      findings.push({
        code: 'pdf.font_not_embedded',
        severity: 'error',
        message: `Font ${font.name} (${font.type}) on page ${list(font.pages)} is not embedded; the press would substitute another font.`,
        fix: 'Export the PDF with all fonts embedded (PDF/X-1a or PDF/X-4 does this), or convert text to outlines.',
        page: font.pages[0],
        object: font.name,
      });
    }
  }

  findings.push(...colorFindings(facts.colorSpaces, rules, 'The file'));
  if (facts.transparency && rules.colorMode === 'cmyk') {
    findings.push({
      code: 'pdf.transparency',
      severity: 'info',
      message: `The file uses transparency (on ${list(facts.pageSizes.filter((p) => p.transparency).map((p) => `page ${p.number}`))}); it will be flattened for print.`,
      fix: 'Check overlapping transparent objects in the proof; PDF/X-4 keeps them live.',
    });
  }
  return findings;
}

function pageFindings(page: PdfPageFacts, rules: PreflightRules): Finding[] {
  const findings: Finding[] = [];
  const where = `Page ${page.number}`;
  const actual = pageSize(page);
  if (rules.trimMm && !matchesTrim(actual, rules.trimMm, rules.trimToleranceMm)) {
    // An exported-with-bleed page without a TrimBox is the trim size plus the bleed: fine.
    const bleedOnly = !page.trimBoxMm && impliedBleed(page.mediaBoxMm, rules.trimMm, rules.trimToleranceMm) !== null;
    if (!bleedOnly) {
      findings.push({
        code: 'pdf.trim_size_mismatch',
        severity: 'error',
        message: `${where} is ${size(actual.width, actual.height)}; this product is ${size(rules.trimMm.width, rules.trimMm.height)} (± ${mm(rules.trimToleranceMm)}).`,
        fix: `Set the document size to ${size(rules.trimMm.width, rules.trimMm.height)} and add the bleed around it.`,
        page: page.number,
      });
    }
  }
  if (rules.minBleedMm > 0) {
    const bleed = pageBleed(page, rules);
    if (bleed === null || bleed <= 0.01) {
      findings.push({
        code: 'pdf.bleed_missing',
        severity: 'error',
        message: `${where} has no bleed; ${mm(rules.minBleedMm)} on every side is needed so no white edge shows after cutting.`,
        fix: `Extend the background ${mm(rules.minBleedMm)} past the trim edge and export with bleed (use document bleed settings).`,
        page: page.number,
      });
    } else if (bleed + 0.01 < rules.minBleedMm) {
      findings.push({
        code: 'pdf.bleed_too_small',
        severity: 'error',
        message: `${where} has ${mm(bleed)} of bleed; ${mm(rules.minBleedMm)} is needed.`,
        fix: `Extend the background to ${mm(rules.minBleedMm)} past the trim edge.`,
        page: page.number,
      });
    }
  }
  findings.push(...imageFindings(page.images, rules, (image) => `Image ${image.name} on page ${page.number}`, page.number));
  return findings;
}
