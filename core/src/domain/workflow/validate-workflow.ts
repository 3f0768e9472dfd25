import { z } from 'zod';
import { isTerminalCategory, selectorMatches } from './stage-lookup.ts';
import {
  ACTION_KEYS,
  CUSTOMER_STATUSES,
  GUARD_KEYS,
  STAGE_CATEGORIES,
  type Stage,
  type StageSelector,
  type TransitionRule,
  type Workflow,
} from './workflow-types.ts';

export type WorkflowValidation = { ok: true; workflow: Workflow } | { ok: false; problems: string[] };

const STAGE_KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

const stageSchema = z.object({
  key: z.string({ error: 'must be a string' }).regex(STAGE_KEY, {
    error: 'must be lowercase snake_case (e.g. "quality_check")',
  }),
  label: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(80, { error: 'must be at most 80 characters' }),
  category: z.enum(STAGE_CATEGORIES, { error: oneOf(STAGE_CATEGORIES) }),
  customerStatus: z.enum(CUSTOMER_STATUSES, { error: oneOf(CUSTOMER_STATUSES) }),
});

const selectorSchema = z.union(
  [
    z.string().min(1),
    z.object({
      category: z
        .array(z.enum(STAGE_CATEGORIES, { error: oneOf(STAGE_CATEGORIES) }))
        .min(1, { error: 'must list at least one category' }),
    }),
  ],
  { error: 'must be a stage key or { category: [...] }' },
);

const transitionSchema = z.object({
  from: selectorSchema,
  to: selectorSchema,
  guards: z.array(z.enum(GUARD_KEYS, { error: oneOf(GUARD_KEYS) })).optional(),
  actions: z.array(z.enum(ACTION_KEYS, { error: oneOf(ACTION_KEYS) })).optional(),
});

const workflowSchema = z.object(
  {
    initialStage: z.string({ error: 'must be a string' }),
    stages: z
      .array(stageSchema, { error: 'must be a list of stages' })
      .min(1, { error: 'must list at least one stage' })
      .max(50, { error: 'must list at most 50 stages' }),
    transitions: z
      .array(transitionSchema, { error: 'must be a list of transitions' })
      .max(500, { error: 'must list at most 500 transitions' }),
  },
  { error: 'must be an object' },
);

/** Checks a per-shop custom workflow: its shape first, then the stage graph. */
export function validateWorkflow(input: unknown): WorkflowValidation {
  const parsed = workflowSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    };
  }
  const workflow: Workflow = parsed.data;
  const problems = graphProblems(workflow);
  return problems.length === 0 ? { ok: true, workflow } : { ok: false, problems };
}

function graphProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  const { stages, transitions } = workflow;

  const seenKeys = new Set<string>();
  const seenLabels = new Set<string>();
  for (const stage of stages) {
    if (seenKeys.has(stage.key)) problems.push(`stage key "${stage.key}" is used more than once`);
    seenKeys.add(stage.key);
    const label = stage.label.toLowerCase();
    if (seenLabels.has(label)) problems.push(`stage label "${stage.label}" is used more than once`);
    seenLabels.add(label);
  }

  const initial = stages.find((stage) => stage.key === workflow.initialStage);
  if (!initial) {
    problems.push(`initialStage "${workflow.initialStage}" is not a stage of this workflow`);
  } else if (initial.category !== 'queued') {
    problems.push(`initialStage "${initial.key}" must be a queued stage, not ${initial.category}`);
  }

  transitions.forEach((rule, index) => {
    problems.push(...ruleProblems(rule, `transitions[${index}]`, stages));
  });

  if (problems.length === 0) problems.push(...resumeProblems(workflow));

  const hasDone = stages.some((stage) => stage.category === 'done');
  if (!hasDone) {
    problems.push('the workflow needs at least one stage in category "done"');
  } else if (problems.length === 0) {
    // Only meaningful once every rule resolves to real stages.
    for (const stage of stagesThatCannotFinish(workflow)) {
      problems.push(`stage "${stage.key}" cannot reach a done stage`);
    }
  }
  return problems;
}

function ruleProblems(rule: TransitionRule, at: string, stages: Stage[]): string[] {
  const problems: string[] = [];
  const fromStages = resolve(rule.from, stages);
  const toStages = resolve(rule.to, stages);
  if (fromStages.length === 0) problems.push(`${at}.from: ${describeUnresolved(rule.from)}`);
  if (toStages.length === 0) problems.push(`${at}.to: ${describeUnresolved(rule.to)}`);

  for (const from of fromStages) {
    if (from.category === 'cancelled') {
      problems.push(`${at}: cancelled stage "${from.key}" is final and cannot move on`);
    } else if (from.category === 'done') {
      const leaving = toStages.filter((to) => to.category !== 'done');
      for (const to of leaving) {
        problems.push(`${at}: done stage "${from.key}" may only move to another done stage, not "${to.key}"`);
      }
    }
  }
  return problems;
}

/** A job put on hold must be able to return to the stage it was held from. */
function resumeProblems(workflow: Workflow): string[] {
  const { stages, transitions } = workflow;
  const declared = (from: Stage, to: Stage) =>
    transitions.some((rule) => selectorMatches(rule.from, from) && selectorMatches(rule.to, to));
  const problems: string[] = [];
  for (const hold of stages.filter((stage) => stage.category === 'hold')) {
    for (const from of stages) {
      if (from.category !== 'queued' && from.category !== 'active') continue;
      if (declared(from, hold) && !declared(hold, from)) {
        problems.push(`stage "${from.key}" can be put on hold in "${hold.key}" but cannot resume from it`);
      }
    }
  }
  return problems;
}

function resolve(selector: StageSelector, stages: Stage[]): Stage[] {
  return stages.filter((stage) => selectorMatches(selector, stage));
}

function describeUnresolved(selector: StageSelector): string {
  return typeof selector === 'string'
    ? `"${selector}" is not a stage of this workflow`
    : `no stage is in category ${selector.category.join(' or ')}`;
}

/**
 * Non-terminal stages from which no chain of declared moves reaches a done stage.
 * Guards are ignored (they can pass eventually); resuming from hold is taken to go to
 * any queued/active stage the rules allow, since every such stage is checked itself.
 */
function stagesThatCannotFinish(workflow: Workflow): Stage[] {
  const { stages, transitions } = workflow;
  const predecessors = new Map<string, Set<string>>();
  for (const rule of transitions) {
    for (const from of resolve(rule.from, stages)) {
      for (const to of resolve(rule.to, stages)) {
        if (from.key === to.key) continue;
        const set = predecessors.get(to.key) ?? new Set<string>();
        set.add(from.key);
        predecessors.set(to.key, set);
      }
    }
  }
  // Walk backwards from every done stage.
  const canFinish = new Set(stages.filter((stage) => stage.category === 'done').map((stage) => stage.key));
  const queue = [...canFinish];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    for (const previous of predecessors.get(key) ?? []) {
      if (!canFinish.has(previous)) {
        canFinish.add(previous);
        queue.push(previous);
      }
    }
  }
  return stages.filter((stage) => !isTerminalCategory(stage.category) && !canFinish.has(stage.key));
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'workflow';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
