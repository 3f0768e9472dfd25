import type { Finding, RasterFacts, SizeMm } from '../facts.ts';
import { colorFindings } from './color-rules.ts';
import { imageFindings } from './image-rules.ts';
import type { PreflightRules } from './preflight-rules.ts';
import { ppiAt } from './trim.ts';

/**
 * A photo or bitmap is printed at the ordered size, so its resolution is judged there,
 * whatever dpi the file declares. The image is matched to the trim either way round.
 */
export function rasterFindings(facts: RasterFacts, rules: PreflightRules): Finding[] {
  const findings: Finding[] = [];
  const colorMode = facts.colorMode === 'rgb' ? ['DeviceRGB'] : facts.colorMode === 'cmyk' ? ['DeviceCMYK'] : [];
  findings.push(...colorFindings(colorMode, rules, 'The image'));
  const trim = rules.trimMm;
  if (!trim) {
    if (facts.dpi && rules.minPpi > 0) {
      const ppi = Math.min(facts.dpi.x, facts.dpi.y);
      findings.push(...imageFindings([{ name: 'image', widthPx: facts.widthPx, heightPx: facts.heightPx, effectivePpi: ppi }], rules, () => 'The image (at its declared size)'));
    }
    return findings;
  }
  const oriented = orient(facts, trim);
  const ppi = Math.min(ppiAt(facts.widthPx, oriented.width), ppiAt(facts.heightPx, oriented.height));
  findings.push(...imageFindings([{ name: 'image', widthPx: facts.widthPx, heightPx: facts.heightPx, effectivePpi: ppi }], rules, () => `The image printed at ${oriented.width} × ${oriented.height} mm`));

  const imageRatio = facts.widthPx / facts.heightPx;
  const trimRatio = oriented.width / oriented.height;
  if (Math.abs(imageRatio - trimRatio) / trimRatio > 0.02) {
    findings.push({
      code: 'raster.aspect_mismatch',
      severity: 'warning',
      message: `The image's proportions (${facts.widthPx} × ${facts.heightPx} px) differ from the product's ${oriented.width} × ${oriented.height} mm by ${Math.round((Math.abs(imageRatio - trimRatio) / trimRatio) * 100)}%: it will be cropped to fit.`,
      fix: `Crop the image to ${oriented.width}:${oriented.height} yourself to choose what is cut off.`,
    });
  }
  return findings;
}

function orient(facts: RasterFacts, trim: SizeMm): SizeMm {
  const landscape = facts.widthPx >= facts.heightPx;
  const trimLandscape = trim.width >= trim.height;
  return landscape === trimLandscape ? trim : { width: trim.height, height: trim.width };
}
