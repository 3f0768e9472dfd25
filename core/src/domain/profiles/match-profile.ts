/** Which lines a production profile is for: every given field must equal the line's. */
export interface ProfileMatch {
  sku?: string;
  productExternalId?: string;
  variantExternalId?: string;
}

export interface MatchableProfile {
  id: string;
  position: number;
  matches: readonly ProfileMatch[];
}

export interface MatchableLine {
  sku: string | null;
  productExternalId: string | null;
  variantExternalId: string | null;
}

function matchesLine(match: ProfileMatch, line: MatchableLine): boolean {
  const fields = (['sku', 'productExternalId', 'variantExternalId'] as const).filter((field) => match[field] !== undefined);
  // An empty match would catch every line by accident; a catch-all is said with `sku: "*"`.
  if (fields.length === 0) return false;
  return fields.every((field) => match[field] === '*' || match[field] === line[field]);
}

/**
 * The profile a line is made with: the first by position with a matching rule. A
 * variant-level match beats a product-level one beats a catch-all, whatever the order,
 * because the more specific rule is what a merchant means.
 */
export function profileForLine<P extends MatchableProfile>(profiles: readonly P[], line: MatchableLine): P | null {
  let best: { profile: P; score: number } | null = null;
  const ordered = [...profiles].sort((a, b) => a.position - b.position);
  for (const profile of ordered) {
    for (const match of profile.matches) {
      if (!matchesLine(match, line)) continue;
      const score = specificity(match);
      if (!best || score > best.score) best = { profile, score };
    }
  }
  return best?.profile ?? null;
}

function specificity(match: ProfileMatch): number {
  const exact = (value: string | undefined) => value !== undefined && value !== '*';
  return (exact(match.variantExternalId) ? 4 : 0) + (exact(match.sku) ? 4 : 0) + (exact(match.productExternalId) ? 2 : 0) + 1;
}
