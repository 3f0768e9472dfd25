export const STAGE_CATEGORIES = ['queued', 'active', 'hold', 'done', 'cancelled'] as const;
export type StageCategory = (typeof STAGE_CATEGORIES)[number];

export const CUSTOMER_STATUSES = [
  'received',
  'in_review',
  'in_production',
  'ready',
  'shipped',
  'completed',
  'on_hold',
  'cancelled',
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const GUARD_KEYS = ['noPreflightErrors', 'allItemsShipped'] as const;
export type GuardKey = (typeof GUARD_KEYS)[number];

export const ACTION_KEYS = ['notifyCustomer', 'pushStatus', 'createFulfillment'] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

export interface Stage {
  key: string;
  label: string;
  category: StageCategory;
  customerStatus: CustomerStatus;
}

/** A stage key, or every stage whose category is in the list. */
export type StageSelector = string | { category: StageCategory[] };

/**
 * One declared move. A category selector lets a single rule say "any queued or active
 * stage → on hold". Leaving a `hold` stage for a `queued`/`active` stage is further
 * limited to the stage the job was held from (`TransitionContext.heldFrom`).
 */
export interface TransitionRule {
  from: StageSelector;
  to: StageSelector;
  guards?: GuardKey[];
  actions?: ActionKey[];
}

export interface Workflow {
  initialStage: string;
  /** In display order; `nextStages` keeps this order. */
  stages: Stage[];
  transitions: TransitionRule[];
}

/** The facts about a job that guards and the hold/resume rule look at. */
export interface TransitionContext {
  /** Error findings in the current preflight reports of the job's files. */
  preflightErrorCount: number;
  /** The job's files not checked yet (or changed since): they block like errors. */
  preflightPendingCount: number;
  unshippedQuantity: number;
  /** Stage key the job was in before it entered its current hold stage. */
  heldFrom: string | null;
}
