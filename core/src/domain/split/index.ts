export { splitOrder } from './split-order.ts';
export { MAX_SPLIT_RULES, validateSplitRules, type SplitRulesValidation } from './split-rules-schema.ts';
export type { JobPlan, JobPlanItem, SplitLine, SplitRule } from './split-types.ts';
