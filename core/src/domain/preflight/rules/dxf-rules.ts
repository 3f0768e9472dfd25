import type { DxfFacts, Finding } from '../facts.ts';
import { plural, size } from './format.ts';
import type { PreflightRules } from './preflight-rules.ts';
import { fitsBed } from './svg-rules.ts';
import { matchesTrim } from './trim.ts';

export function dxfFindings(facts: DxfFacts, rules: PreflightRules): Finding[] {
  const findings: Finding[] = [];
  const count = Object.values(facts.entities).reduce((sum, n) => sum + n, 0);
  if (count === 0 || !facts.boundingBoxMm) {
    return [{ code: 'dxf.empty', severity: 'error', message: 'The drawing has no geometry.', fix: 'Check that the right layers were exported.' }];
  }
  const box = facts.boundingBoxMm;
  if (facts.units === 'unitless') {
    findings.push({
      code: 'dxf.unitless',
      severity: 'warning',
      message: `The drawing declares no units; read as millimetres it is ${size(box.width, box.height)}.`,
      fix: 'Set the drawing units to millimetres ($INSUNITS = 4) before exporting.',
    });
  }
  if (rules.trimMm && !matchesTrim(box, rules.trimMm, rules.trimToleranceMm)) {
    findings.push({
      code: 'dxf.size_mismatch',
      severity: 'error',
      message: `The drawing is ${size(box.width, box.height)}; this product is ${size(rules.trimMm.width, rules.trimMm.height)}.`,
      fix: `Scale the drawing to ${size(rules.trimMm.width, rules.trimMm.height)}.`,
    });
  }
  if (rules.buildVolumeMm && !fitsBed(box, rules.buildVolumeMm)) {
    findings.push({
      code: 'cut.exceeds_bed',
      severity: 'error',
      message: `The drawing is ${size(box.width, box.height)}; the machine's bed is ${size(rules.buildVolumeMm.x, rules.buildVolumeMm.y)}.`,
      fix: 'Scale the design down or split it into parts that fit the bed.',
    });
  }
  if (rules.requireClosedPaths && facts.openPolylines > 0) {
    findings.push({
      code: 'dxf.open_polylines',
      severity: 'warning',
      message: `${plural(facts.openPolylines, 'polyline')} ${facts.openPolylines === 1 ? 'is' : 'are'} open (${facts.closedPolylines} closed); an open outline does not cut a piece free.`,
      fix: 'Join the outlines into closed polylines (PEDIT → Join), or confirm these are score lines.',
    });
  }
  const text = (facts.entities.TEXT ?? 0) + (facts.entities.MTEXT ?? 0);
  if (text > 0 && rules.requireOutlinedText) {
    findings.push({
      code: 'dxf.text_not_outlined',
      severity: 'error',
      message: `${plural(text, 'text entity', 'text entities')} would need a font on the machine.`,
      fix: 'Explode text to outlines (TXTEXP) before exporting.',
    });
  }
  return findings;
}
