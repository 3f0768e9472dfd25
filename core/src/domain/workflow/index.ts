export type {
  ActionKey,
  CustomerStatus,
  GuardKey,
  Stage,
  StageCategory,
  StageSelector,
  TransitionContext,
  TransitionRule,
  Workflow,
} from './workflow-types.ts';
export { ACTION_KEYS, CUSTOMER_STATUSES, GUARD_KEYS, STAGE_CATEGORIES } from './workflow-types.ts';
export { defaultWorkflow } from './default-workflow.ts';
export { ACTION_DESCRIPTIONS, GUARD_DESCRIPTIONS } from './workflow-vocabulary.ts';
export { validateWorkflow, type WorkflowValidation } from './validate-workflow.ts';
export {
  decideTransition,
  nextStages,
  type TransitionDecision,
  type TransitionRejection,
  type TransitionRequest,
} from './decide-transition.ts';
export { customerStatusOf, stageByKey } from './stage-lookup.ts';
export { heldFromAfterMove } from './held-from.ts';
