import type { Finding, PlacedImage } from '../facts.ts';
import type { PreflightRules } from './preflight-rules.ts';

/** Low-resolution images print blurred: below minPpi an error, below recommendedPpi a warning. */
export function imageFindings(images: readonly PlacedImage[], rules: PreflightRules, where: (image: PlacedImage) => string, page?: number): Finding[] {
  const findings: Finding[] = [];
  for (const image of images) {
    const ppi = Math.round(image.effectivePpi);
    if (rules.minPpi > 0 && image.effectivePpi < rules.minPpi) {
      findings.push({
        code: 'image.low_resolution',
        severity: 'error',
        message: `${where(image)} is ${ppi} ppi at its placed size (${image.widthPx} × ${image.heightPx} px); at least ${rules.minPpi} ppi is needed.`,
        fix: `Replace it with a higher-resolution image (${rules.recommendedPpi || rules.minPpi} ppi at the printed size) or place it smaller.`,
        page,
        object: image.name,
      });
    } else if (rules.recommendedPpi > 0 && image.effectivePpi < rules.recommendedPpi) {
      findings.push({
        code: 'image.below_recommended_resolution',
        severity: 'warning',
        message: `${where(image)} is ${ppi} ppi at its placed size; ${rules.recommendedPpi} ppi is recommended, so it may look soft.`,
        fix: `Use a ${rules.recommendedPpi} ppi image if you have one.`,
        page,
        object: image.name,
      });
    }
  }
  return findings;
}
