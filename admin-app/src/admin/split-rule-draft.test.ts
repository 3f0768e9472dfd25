import { describe, expect, it } from 'vitest';
import { capProblem, moveRow, newSplitRow, splitDraftsFrom, splitRulesInput, type SplitRule } from './split-rule-draft.ts';

const rules: SplitRule[] = [
  { match: { sku: 'MUG', productExternalId: null, variantExternalId: null }, mode: 'per_unit', maxUnitsPerJob: null },
  { match: { sku: null, productExternalId: '88', variantExternalId: '8801' }, mode: 'combine', maxUnitsPerJob: 500 },
];

describe('split rule rows', () => {
  it('save unchanged what they read, in order', () => {
    const rows = splitDraftsFrom(rules);
    expect(rows.map((row) => [row.sku, row.productExternalId, row.variantExternalId, row.mode, row.maxUnitsPerJob])).toEqual([
      ['MUG', '', '', 'per_unit', ''],
      ['', '88', '8801', 'combine', '500'],
    ]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2);
    expect(splitRulesInput(rows)).toEqual(rules);
  });

  it('send blank match fields as "any", trimmed values, and no cap for per_unit', () => {
    const row = { ...newSplitRow(), sku: ' FLY ', variantExternalId: '  ', mode: 'per_unit', maxUnitsPerJob: '10' };
    expect(splitRulesInput([row])).toEqual([{ match: { sku: 'FLY', productExternalId: null, variantExternalId: null }, mode: 'per_unit', maxUnitsPerJob: null }]);
  });

  it('refuse a cap that is not a whole number of at least 1 before sending', () => {
    const row = newSplitRow();
    expect(capProblem({ ...row, maxUnitsPerJob: '' })).toBeNull();
    expect(capProblem({ ...row, maxUnitsPerJob: '250' })).toBeNull();
    for (const cap of ['0', '2.5', 'many', '-3']) expect(capProblem({ ...row, maxUnitsPerJob: cap }), cap).toMatch(/whole number/);
    expect(capProblem({ ...row, mode: 'per_unit', maxUnitsPerJob: 'many' })).toBeNull();
  });

  it('move up and down, and not past either end', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
