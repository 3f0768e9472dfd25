export { splitOrder } from './split-order.ts';
export type { JobPlan, JobPlanItem, SplitLine, SplitRule } from './split-types.ts';
