import type { StageCategory, StageSelector, TransitionRule } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';

export interface TransitionInput {
  from?: string | null;
  fromCategories?: string[] | null;
  to?: string | null;
  toCategories?: string[] | null;
  guards?: string[] | null;
  actions?: string[] | null;
}

export interface WorkflowInput {
  initialStage: string;
  stages: { key: string; label: string; category: string; customerStatus: string }[];
  transitions: TransitionInput[];
}

/**
 * GraphQL has no unions on input, so a selector arrives as a key or a category list;
 * this builds the domain's shape and leaves validation of the values to
 * `validateWorkflow`, which names each problem.
 */
export function workflowFromInput(input: WorkflowInput): unknown {
  return {
    initialStage: input.initialStage,
    stages: input.stages,
    transitions: input.transitions.map((rule, i) => ({
      from: selector(rule.from, rule.fromCategories, `transitions[${i}].from`),
      to: selector(rule.to, rule.toCategories, `transitions[${i}].to`),
      ...(rule.guards ? { guards: rule.guards } : {}),
      ...(rule.actions ? { actions: rule.actions } : {}),
    })),
  };
}

function selector(key: string | null | undefined, categories: string[] | null | undefined, where: string): StageSelector {
  if (categories && key) throw new BadRequestError(`${where}: give a stage key or categories, not both`);
  // Unknown category names are reported by validateWorkflow.
  if (categories) return { category: categories as StageCategory[] };
  if (key) return key;
  throw new BadRequestError(`${where}: give a stage key or categories`);
}

/** The output shape of a rule: the same split of key and categories. */
export function transitionOutput(rule: TransitionRule) {
  const side = (s: StageSelector) => (typeof s === 'string' ? { key: s, categories: null } : { key: null, categories: s.category });
  const from = side(rule.from);
  const to = side(rule.to);
  return { from: from.key, fromCategories: from.categories, to: to.key, toCategories: to.categories, guards: rule.guards ?? [], actions: rule.actions ?? [] };
}
