import { describe, expect, it } from 'vitest';
import { profileForLine } from './match-profile.ts';

const line = { sku: 'BC-350', productExternalId: 'p1', variantExternalId: 'v1' };

describe('profileForLine', () => {
  it('prefers the most specific match, then the earliest position', () => {
    const profiles = [
      { id: 'all', position: 0, matches: [{ sku: '*' }] },
      { id: 'product', position: 1, matches: [{ productExternalId: 'p1' }] },
      { id: 'variant', position: 2, matches: [{ variantExternalId: 'v1' }] },
      { id: 'variant-later', position: 3, matches: [{ variantExternalId: 'v1' }] },
    ];
    expect(profileForLine(profiles, line)?.id).toBe('variant');
    expect(profileForLine(profiles.slice(0, 2), line)?.id).toBe('product');
    expect(profileForLine(profiles.slice(0, 1), { sku: null, productExternalId: null, variantExternalId: null })?.id).toBe('all');
  });

  it('needs every given field to match, and never matches on an empty rule', () => {
    const profiles = [
      { id: 'both', position: 0, matches: [{ productExternalId: 'p1', sku: 'OTHER' }] },
      { id: 'empty', position: 1, matches: [{}] },
    ];
    expect(profileForLine(profiles, line)).toBeNull();
  });
});
