import type { JobPlan, JobPlanItem, SplitLine, SplitRule } from './split-types.ts';

/**
 * Turns an order's lines into planned jobs. Lines with no positive whole quantity make
 * no job. For every line, the item quantities across all plans add up to its quantity.
 */
export function splitOrder(input: { lines: SplitLine[]; rules?: SplitRule[] }): JobPlan[] {
  const rules = input.rules ?? [];
  const lines = input.lines.filter((line) => Number.isSafeInteger(line.quantity) && line.quantity > 0);

  // Lines a combine rule gathers are planned together where its first line appears.
  const groups: { rule: SplitRule | undefined; lines: SplitLine[] }[] = [];
  const combineGroups = new Map<SplitRule, { rule: SplitRule; lines: SplitLine[] }>();
  for (const line of lines) {
    const rule = rules.find((candidate) => ruleMatches(candidate, line));
    if (rule?.mode === 'combine') {
      const group = combineGroups.get(rule);
      if (group) {
        group.lines.push(line);
        continue;
      }
      const created = { rule, lines: [line] };
      combineGroups.set(rule, created);
      groups.push(created);
    } else {
      groups.push({ rule, lines: [line] });
    }
  }

  return uniqueKeys(groups.flatMap((group) => planGroup(group.rule, group.lines)));
}

function ruleMatches(rule: SplitRule, line: SplitLine): boolean {
  const { sku, productExternalId, variantExternalId } = rule.match;
  return (
    (sku === undefined || sku === line.sku) &&
    (productExternalId === undefined || productExternalId === line.productExternalId) &&
    (variantExternalId === undefined || variantExternalId === line.variantExternalId)
  );
}

function planGroup(rule: SplitRule | undefined, lines: SplitLine[]): JobPlan[] {
  const [first] = lines;
  if (!first) return [];
  const cap = unitCap(rule?.maxUnitsPerJob);

  switch (rule?.mode) {
    case undefined:
      return [wholeLine(first)];
    case 'per_unit':
      return Array.from({ length: first.quantity }, (_, index) => ({
        splitKey: `line:${first.externalId}:unit:${index + 1}`,
        title: `${first.title} (${index + 1} of ${first.quantity})`,
        items: [{ orderLineId: first.id, quantity: 1 }],
      }));
    case 'per_line':
      if (cap === undefined) return [wholeLine(first)];
      return asParts(`line:${first.externalId}`, first.title, chunk([first], cap));
    case 'combine': {
      const key = `combine:${first.externalId}`;
      const title = lines.length === 1 ? first.title : `${first.title} + ${lines.length - 1} more`;
      if (cap === undefined) {
        return [{ splitKey: key, title, items: lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })) }];
      }
      return asParts(key, title, chunk(lines, cap));
    }
  }
}

function wholeLine(line: SplitLine): JobPlan {
  return {
    splitKey: `line:${line.externalId}`,
    title: line.title,
    items: [{ orderLineId: line.id, quantity: line.quantity }],
  };
}

function asParts(baseKey: string, title: string, parts: JobPlanItem[][]): JobPlan[] {
  return parts.map((items, index) => ({
    splitKey: `${baseKey}:part:${index + 1}`,
    title: parts.length === 1 ? title : `${title} (part ${index + 1} of ${parts.length})`,
    items,
  }));
}

/** Fills jobs of at most `cap` units in line order, splitting a line across jobs when needed. */
function chunk(lines: SplitLine[], cap: number): JobPlanItem[][] {
  const parts: JobPlanItem[][] = [];
  let current: JobPlanItem[] = [];
  let room = cap;
  for (const line of lines) {
    let remaining = line.quantity;
    while (remaining > 0) {
      const take = Math.min(remaining, room);
      current.push({ orderLineId: line.id, quantity: take });
      remaining -= take;
      room -= take;
      if (room === 0) {
        parts.push(current);
        current = [];
        room = cap;
      }
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

function unitCap(max: number | undefined): number | undefined {
  return max !== undefined && Number.isSafeInteger(max) && max > 0 ? max : undefined;
}

// Platforms promise unique line ids per order; if one repeats anyway, a colliding key
// would make the database drop a job, so later duplicates get a stable suffix.
function uniqueKeys(plans: JobPlan[]): JobPlan[] {
  const seen = new Map<string, number>();
  return plans.map((plan) => {
    const count = (seen.get(plan.splitKey) ?? 0) + 1;
    seen.set(plan.splitKey, count);
    return count === 1 ? plan : { ...plan, splitKey: `${plan.splitKey}:dup:${count}` };
  });
}
