import { describe, expect, it } from 'vitest';
import { ruleGroupsFor, rulesDraftFrom, rulesFromDraft } from './profile-rules-draft.ts';

const every = {
  acceptedKinds: ['svg', 'dxf'],
  trimMm: { width: 85, height: 55 },
  trimToleranceMm: 0.3,
  minBleedMm: 2,
  minPpi: 200,
  recommendedPpi: 300,
  colorMode: 'cmyk',
  requireEmbeddedFonts: true,
  pages: { min: 1, max: 2 },
  maxTriangles: 100000,
  buildVolumeMm: { x: 600, y: 400, z: 6 },
  requireWatertight: false,
  cutLineMaxStrokeMm: 0.05,
  requireClosedPaths: true,
  requireOutlinedText: false,
};

describe('the preflight rules of a profile draft', () => {
  it('round-trips every rule the API accepts', () => {
    expect(rulesFromDraft(rulesDraftFrom(every), every)).toEqual(every);
    expect(rulesFromDraft(rulesDraftFrom(every), {})).toEqual(every);
  });

  it('drops a cleared rule back to the default, keeping the others', () => {
    const draft = { ...rulesDraftFrom(every), acceptedKinds: [], minBleedMm: '', requireEmbeddedFonts: '' as const, pagesMin: '', pagesMax: '' };
    const rules = rulesFromDraft(draft, every);
    for (const key of ['acceptedKinds', 'minBleedMm', 'requireEmbeddedFonts', 'pages']) expect(rules, key).not.toHaveProperty(key);
    expect(rules).toMatchObject({ minPpi: 200, requireClosedPaths: true, requireOutlinedText: false });
  });

  it('sends the file kinds in a fixed order and a half-filled size as typed, for the API to name the missing side', () => {
    const draft = { ...rulesDraftFrom({}), acceptedKinds: ['tiff', 'pdf'], pagesMin: '2', trimWidth: '85' };
    expect(rulesFromDraft(draft, {})).toEqual({ acceptedKinds: ['pdf', 'tiff'], pages: { min: 2, max: undefined }, trimMm: { width: 85, height: undefined } });
    expect(rulesFromDraft({ ...rulesDraftFrom({}), minPpi: 'high' }, {})).toEqual({ minPpi: 'high' });
  });

  it('shows the rules that matter for the process', () => {
    expect(ruleGroupsFor('digital_press')).toEqual(['print']);
    expect(ruleGroupsFor('sla')).toEqual(['size', 'mesh']);
    expect(ruleGroupsFor('laser')).toEqual(['size', 'cut']);
    expect(ruleGroupsFor('bench')).toEqual(['print', 'size', 'mesh', 'cut']);
  });
});
