/** A split rule as the API gives it. */
export interface SplitRule {
  match: { sku: string | null; productExternalId: string | null; variantExternalId: string | null };
  mode: string;
  maxUnitsPerJob: number | null;
}

export const SPLIT_RULE_FIELDS = 'match { sku productExternalId variantExternalId } mode maxUnitsPerJob';

export const SPLIT_MODES = [
  { label: 'One job per line', value: 'per_line' },
  { label: 'One job per unit', value: 'per_unit' },
  { label: 'Combine matching lines', value: 'combine' },
];

/** One editable row; `id` keeps a row (and the focus in it) when rows move. */
export interface SplitRuleDraft {
  id: string;
  sku: string;
  productExternalId: string;
  variantExternalId: string;
  mode: string;
  maxUnitsPerJob: string;
}

let nextRowId = 0;
export const newSplitRow = (): SplitRuleDraft => ({ id: `rule-${++nextRowId}`, sku: '', productExternalId: '', variantExternalId: '', mode: 'per_line', maxUnitsPerJob: '' });

export function splitDraftsFrom(rules: SplitRule[]): SplitRuleDraft[] {
  return rules.map((rule) => ({
    ...newSplitRow(),
    sku: rule.match.sku ?? '',
    productExternalId: rule.match.productExternalId ?? '',
    variantExternalId: rule.match.variantExternalId ?? '',
    mode: rule.mode,
    maxUnitsPerJob: rule.maxUnitsPerJob === null ? '' : String(rule.maxUnitsPerJob),
  }));
}

const given = (value: string) => value.trim() || null;

/**
 * The rows as saveSplitRules input, in order. Empty match fields match any line; per_unit
 * takes no cap. Check `capProblem` first: a cap that is no number cannot be sent as one.
 */
export function splitRulesInput(rows: SplitRuleDraft[]) {
  return rows.map((row) => ({
    match: { sku: given(row.sku), productExternalId: given(row.productExternalId), variantExternalId: given(row.variantExternalId) },
    mode: row.mode,
    maxUnitsPerJob: row.mode === 'per_unit' || row.maxUnitsPerJob.trim() === '' ? null : Number(row.maxUnitsPerJob),
  }));
}

/** Why a row's cap cannot be sent (the API takes whole numbers only), or null. */
export function capProblem(row: SplitRuleDraft): string | null {
  if (row.mode === 'per_unit' || row.maxUnitsPerJob.trim() === '') return null;
  const cap = Number(row.maxUnitsPerJob);
  return Number.isSafeInteger(cap) && cap > 0 ? null : 'Max units per job must be a whole number of at least 1';
}

/** The rows with one moved up (-1) or down (+1); past either end nothing changes. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const moved = [...rows];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}
