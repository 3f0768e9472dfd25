import { describe, expect, it } from 'vitest';
import { validateSplitRules } from './split-rules-schema.ts';

describe('validateSplitRules', () => {
  it('keeps the given match fields and cap, dropping nulls the API sends for absent ones', () => {
    const result = validateSplitRules([
      { match: { sku: ' MUG ', productExternalId: null, variantExternalId: null }, mode: 'per_unit', maxUnitsPerJob: null },
      { match: { productExternalId: 'p-flyer' }, mode: 'per_line', maxUnitsPerJob: 1000 },
      { match: {}, mode: 'combine' },
    ]);
    expect(result).toEqual({
      ok: true,
      rules: [
        { match: { sku: 'MUG' }, mode: 'per_unit' },
        { match: { productExternalId: 'p-flyer' }, mode: 'per_line', maxUnitsPerJob: 1000 },
        { match: {}, mode: 'combine' },
      ],
    });
  });

  it('names the rule and field of every problem', () => {
    const result = validateSplitRules([
      { match: { sku: 'A' }, mode: 'per_line' },
      { match: { sku: '  ' }, mode: 'split', maxUnitsPerJob: 0 },
      { match: { sku: 'B' }, mode: 'per_unit', maxUnitsPerJob: 5 },
      { match: { sku: 'C', colour: 'red' }, mode: 'per_line', maxUnitsPerJob: 2.5 },
    ]);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rules\.1\.match\.sku: must not be blank/),
        'rules.1.mode: must be per_line, per_unit or combine',
        'rules.1.maxUnitsPerJob: must be at least 1',
        'rules.2.maxUnitsPerJob: per_unit makes one job per unit; leave the cap empty',
        'rules.3.maxUnitsPerJob: must be a whole number',
        expect.stringMatching(/^rules\.3\.match: .*colour/),
      ]),
    );
    expect(problems.some((problem) => problem.startsWith('rules.0'))).toBe(false);
  });

  it('refuses what is not a list of rules', () => {
    expect(validateSplitRules({ mode: 'per_unit' })).toMatchObject({ ok: false });
    expect(validateSplitRules(Array.from({ length: 101 }, () => ({ match: {}, mode: 'per_line' })))).toEqual({ ok: false, problems: ['rules: at most 100 rules'] });
  });
});
