import { describe, expect, it } from 'vitest';
import { draftFrom, draftToInputs, type Profile } from './profile-draft.ts';

const profile: Profile = {
  id: 'p1',
  name: 'Cards',
  process: 'digital_press',
  material: '350gsm',
  finishing: null,
  gangable: false,
  position: 2,
  matches: [
    { sku: 'BC-1', productExternalId: null, variantExternalId: null },
    { sku: null, productExternalId: '42', variantExternalId: '4201' },
  ],
  overrides: { minBleedMm: 2, requireEmbeddedFonts: false, acceptedKinds: ['pdf'], pages: { min: 1, max: 2 } },
  rules: { minBleedMm: 2, minPpi: 150 },
  timeModel: { setupMinutes: 5, minutesPerUnit: 1, minutesPerSquareMeter: 3 },
  requiredCapabilities: ['duplex', 'uv'],
  setupFamily: 'cards',
};

describe('a production profile draft', () => {
  it('saves unchanged what it read: matches by SKU and by product and variant, material, rules, time model', () => {
    const inputs = draftToInputs(draftFrom(profile), profile);
    expect(inputs.profile).toEqual({
      id: 'p1',
      name: 'Cards',
      process: 'digital_press',
      material: '350gsm',
      finishing: null,
      matches: [{ sku: 'BC-1' }, { productExternalId: '42', variantExternalId: '4201' }],
      rules: { minBleedMm: 2, requireEmbeddedFonts: false, acceptedKinds: ['pdf'], pages: { min: 1, max: 2 } },
      gangable: false,
    });
    expect(inputs.scheduling).toEqual({ timeModel: profile.timeModel, requiredCapabilities: ['duplex', 'uv'], setupFamily: 'cards' });
  });

  it('reads material, finishing and each match into its own editable row', () => {
    const draft = draftFrom(profile);
    expect(draft).toMatchObject({ material: '350gsm', finishing: '', requiredCapabilities: 'duplex, uv' });
    expect(draft.matches).toEqual([
      { sku: 'BC-1', productExternalId: '', variantExternalId: '' },
      { sku: '', productExternalId: '42', variantExternalId: '4201' },
    ]);
  });

  it('trims what was typed, drops empty match rows and sends cleared material and finishing as null', () => {
    const draft = {
      ...draftFrom(profile),
      material: '  ',
      finishing: ' matte laminate ',
      matches: [
        { sku: ' BC-2 ', productExternalId: '', variantExternalId: '' },
        { sku: '', productExternalId: '', variantExternalId: ' ' },
        { sku: 'BC-3', productExternalId: '77', variantExternalId: '' },
      ],
    };
    const inputs = draftToInputs(draft, profile);
    expect(inputs.profile).toMatchObject({ material: null, finishing: 'matte laminate', matches: [{ sku: 'BC-2' }, { sku: 'BC-3', productExternalId: '77' }] });
  });

  it('drops the time model when every time is cleared and sends a mistyped number as typed, for the API to name', () => {
    const draft = { ...draftFrom(profile), setupMinutes: '', minutesPerUnit: '', minutesPerSquareMeter: '' };
    expect(draftToInputs(draft, profile).scheduling.timeModel).toBeNull();
    const typo = { ...draftFrom(profile), minutesPerCubicCm: 'slow' };
    expect(draftToInputs(typo, profile).scheduling.timeModel).toEqual({ setupMinutes: 5, minutesPerUnit: 1, minutesPerSquareMeter: 3, minutesPerCubicCm: 'slow' });
  });

  it('starts a new profile with one empty match row and no id', () => {
    const draft = draftFrom(null);
    expect(draft.matches).toEqual([{ sku: '', productExternalId: '', variantExternalId: '' }]);
    const inputs = draftToInputs({ ...draft, name: 'New' }, null);
    expect(inputs.profile).not.toHaveProperty('id');
    expect(inputs.profile).toMatchObject({ matches: [], rules: {}, material: null });
    expect(inputs.scheduling).toEqual({ timeModel: null, requiredCapabilities: [], setupFamily: null });
  });
});
