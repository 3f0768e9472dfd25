import type { Finding } from '../facts.ts';
import type { PreflightRules } from './preflight-rules.ts';
import { list } from './format.ts';

const isRgb = (space: string) => /rgb/i.test(space) && !/cmyk/i.test(space);
const isSpot = (space: string) => /^(Separation|DeviceN)/i.test(space) && !/:(All|None)$/i.test(space);

/** RGB artwork on a CMYK press shifts colour; spot colours need a plate or a conversion. */
export function colorFindings(colorSpaces: readonly string[], rules: PreflightRules, where: string): Finding[] {
  const findings: Finding[] = [];
  if (rules.colorMode === 'cmyk') {
    const rgb = colorSpaces.filter(isRgb);
    if (rgb.length > 0) {
      findings.push({
        code: 'color.rgb',
        severity: 'warning',
        message: `${where} uses RGB colour (${list(rgb)}); this product prints in CMYK, so bright colours will look duller.`,
        fix: 'Convert the artwork to CMYK (e.g. ISO Coated / GRACoL) before exporting.',
      });
    }
  }
  const spots = colorSpaces.filter(isSpot);
  if (spots.length > 0 && rules.colorMode !== 'any') {
    findings.push({
      code: 'color.spot',
      severity: 'info',
      message: `${where} uses spot colour${spots.length === 1 ? '' : 's'} ${list(spots.map((s) => s.replace(/^(Separation|DeviceN):/i, '')))}; they will be converted to CMYK unless agreed otherwise.`,
    });
  }
  return findings;
}
