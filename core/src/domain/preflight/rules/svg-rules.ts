import type { Finding, SvgFacts } from '../facts.ts';
import { list, mm, plural, size } from './format.ts';
import { imageFindings } from './image-rules.ts';
import type { PreflightRules } from './preflight-rules.ts';
import { matchesTrim } from './trim.ts';

export function svgFindings(facts: SvgFacts, rules: PreflightRules): Finding[] {
  const findings: Finding[] = [];
  const cutting = rules.requireClosedPaths || rules.cutLineMaxStrokeMm !== null;
  if (!facts.sizeMm) {
    findings.push({
      code: 'svg.no_physical_size',
      severity: cutting ? 'error' : 'warning',
      message: `The SVG has no physical size (width/height ${facts.units === 'px' ? 'in pixels' : 'without units'}); it would be ${cutting ? 'cut' : 'printed'} at a guessed scale.`,
      fix: 'Set the document width and height in mm (e.g. width="100mm" height="50mm") before exporting.',
    });
  } else if (rules.trimMm && !matchesTrim(facts.sizeMm, rules.trimMm, rules.trimToleranceMm)) {
    findings.push({
      code: 'svg.size_mismatch',
      severity: 'error',
      message: `The artwork is ${size(facts.sizeMm.width, facts.sizeMm.height)}; this product is ${size(rules.trimMm.width, rules.trimMm.height)} (± ${mm(rules.trimToleranceMm)}).`,
      fix: `Set the document size to ${size(rules.trimMm.width, rules.trimMm.height)}.`,
    });
  }
  if (facts.sizeMm && rules.buildVolumeMm && !fitsBed(facts.sizeMm, rules.buildVolumeMm)) {
    findings.push({
      code: 'cut.exceeds_bed',
      severity: 'error',
      message: `The artwork is ${size(facts.sizeMm.width, facts.sizeMm.height)}; the machine's bed is ${size(rules.buildVolumeMm.x, rules.buildVolumeMm.y)}.`,
      fix: 'Scale the design down or split it into parts that fit the bed.',
    });
  }
  if (facts.textElements > 0 && rules.requireOutlinedText) {
    findings.push({
      code: 'svg.text_not_outlined',
      severity: 'error',
      message: `${plural(facts.textElements, 'text element')} ${facts.textElements === 1 ? 'is' : 'are'} still live text; the machine cannot follow a font.`,
      fix: 'Convert all text to outlines/paths (Inkscape: Path → Object to Path; Illustrator: Type → Create Outlines).',
    });
  }
  if (facts.openPaths > 0 && rules.requireClosedPaths) {
    findings.push({
      code: 'svg.open_paths',
      severity: 'warning',
      message: `${plural(facts.openPaths, 'path')} ${facts.openPaths === 1 ? 'is' : 'are'} open (${facts.closedPaths} closed); an open outline does not cut a piece free.`,
      fix: 'Join the end points of every cut outline (close the path), or confirm these are score/engrave lines.',
    });
  }
  if (rules.cutLineMaxStrokeMm !== null) {
    const thick = facts.strokeWidthsMm.filter((width) => width > rules.cutLineMaxStrokeMm! + 1e-9);
    if (thick.length > 0) {
      findings.push({
        code: 'cut.stroke_not_hairline',
        severity: 'warning',
        message: `Stroke widths ${list(thick.map((w) => mm(w)))} are wider than a ${mm(rules.cutLineMaxStrokeMm)} hairline; the laser treats them as engraving, not cuts.`,
        fix: `Set every cut line's stroke to ${mm(rules.cutLineMaxStrokeMm)} (hairline).`,
      });
    }
  }
  if (facts.activeContent > 0) {
    findings.push({
      code: 'svg.active_content',
      severity: 'warning',
      message: `The SVG contains ${plural(facts.activeContent, 'script or interactive element')}; Pressline never runs them and they are ignored in production.`,
      fix: 'Export a plain SVG (e.g. "Plain SVG" or "Optimized SVG").',
    });
  }
  findings.push(...imageFindings(facts.images, rules, (image) => `Embedded image ${image.name}`));
  return findings;
}

export function fitsBed(artwork: { width: number; height: number }, bed: { x: number; y: number }): boolean {
  return (artwork.width <= bed.x && artwork.height <= bed.y) || (artwork.height <= bed.x && artwork.width <= bed.y);
}
