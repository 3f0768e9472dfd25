import { describe, expect, it } from 'vitest';
import { draftFrom, draftToInputs, type Profile } from './profile-draft.ts';

const profile: Profile = {
  id: 'p1',
  name: 'Cards',
  process: 'digital_press',
  material: '350gsm',
  finishing: null,
  gangable: false,
  matches: [{ sku: 'BC-1', productExternalId: null, variantExternalId: null }, { sku: null, productExternalId: '42', variantExternalId: null }],
  overrides: { minBleedMm: 2, requireEmbeddedFonts: false },
  rules: { minBleedMm: 2, minPpi: 150 },
  timeModel: { setupMinutes: 5, minutesPerUnit: 1, minutesPerSquareMeter: 3 },
  requiredCapabilities: ['duplex'],
  setupFamily: 'cards',
};

describe('a production profile draft', () => {
  it('saves unchanged what it read, keeping the settings the form does not show', () => {
    const inputs = draftToInputs(draftFrom(profile), profile);
    expect(inputs.profile).toEqual({
      id: 'p1',
      name: 'Cards',
      process: 'digital_press',
      material: '350gsm',
      finishing: null,
      matches: [{ sku: null, productExternalId: '42', variantExternalId: null }, { sku: 'BC-1' }],
      rules: { minBleedMm: 2, requireEmbeddedFonts: false },
      gangable: false,
    });
    expect(inputs.scheduling).toEqual({ timeModel: profile.timeModel, requiredCapabilities: ['duplex'], setupFamily: 'cards' });
  });

  it('drops a cleared rule back to the default and sends a mistyped number as typed, for the API to name', () => {
    const draft = { ...draftFrom(profile), minBleedMm: '', minPpi: 'lots', setupMinutes: '', minutesPerUnit: '' };
    const inputs = draftToInputs(draft, profile);
    expect(inputs.profile.rules).toEqual({ requireEmbeddedFonts: false, minPpi: 'lots' });
    expect(inputs.scheduling.timeModel).toBeNull();
  });

  it('sends a trim size or build volume only when one of its sides is filled', () => {
    const fresh = draftToInputs({ ...draftFrom(null), name: 'New', trimWidth: '85' }, null);
    expect(fresh.profile.rules).toEqual({ trimMm: { width: 85, height: undefined } });
    expect(fresh.profile).not.toHaveProperty('id');
  });
});
