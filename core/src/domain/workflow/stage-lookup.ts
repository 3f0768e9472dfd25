import type { CustomerStatus, Stage, StageCategory, StageSelector, Workflow } from './workflow-types.ts';

export function stageByKey(workflow: Workflow, key: string): Stage | undefined {
  return workflow.stages.find((stage) => stage.key === key);
}

export function customerStatusOf(workflow: Workflow, stageKey: string): CustomerStatus | undefined {
  return stageByKey(workflow, stageKey)?.customerStatus;
}

export function isTerminalCategory(category: StageCategory): boolean {
  return category === 'done' || category === 'cancelled';
}

export function selectorMatches(selector: StageSelector, stage: Stage): boolean {
  return typeof selector === 'string'
    ? selector === stage.key
    : selector.category.includes(stage.category);
}
