import type { OrderLineId } from '../ids.ts';

export interface SplitLine {
  id: OrderLineId;
  /** The platform's line id; unique within an order and stable across re-deliveries. */
  externalId: string;
  title: string;
  quantity: number;
  sku: string | null;
  productExternalId: string | null;
  variantExternalId: string | null;
}

export interface JobPlanItem {
  orderLineId: OrderLineId;
  quantity: number;
}

export interface JobPlan {
  /** Deterministic: the database dedupes jobs of an order on it. */
  splitKey: string;
  title: string;
  items: JobPlanItem[];
}

/**
 * How the lines a rule matches become jobs. Every given `match` field must equal the
 * line's; an empty `match` matches every line. The first matching rule wins.
 */
export interface SplitRule {
  match: { sku?: string; productExternalId?: string; variantExternalId?: string };
  mode: 'per_line' | 'per_unit' | 'combine';
  /** Caps units per job for `per_line` and `combine`; ignored by `per_unit`. */
  maxUnitsPerJob?: number;
}
