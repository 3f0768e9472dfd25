import { describeFailedGuard, failedGuards } from './guards.ts';
import { selectorMatches, stageByKey } from './stage-lookup.ts';
import type { ActionKey, GuardKey, Stage, TransitionContext, Workflow } from './workflow-types.ts';

export interface TransitionRequest {
  from: string;
  to: string;
  context: TransitionContext;
}

export type TransitionRejection = 'unknown_stage' | 'same_stage' | 'not_allowed' | 'guard_failed';

export type TransitionDecision =
  | { ok: true; from: Stage; to: Stage; actions: ActionKey[] }
  | {
      ok: false;
      reason: TransitionRejection;
      /** Safe to show to an operator. */
      message: string;
      /** Keys of the stages the job may move to right now. */
      allowed: string[];
      failedGuards?: GuardKey[];
    };

type Evaluation =
  | { kind: 'allowed'; actions: ActionKey[] }
  | { kind: 'guarded'; failedGuards: GuardKey[] }
  | { kind: 'not_declared' };

export function decideTransition(workflow: Workflow, request: TransitionRequest): TransitionDecision {
  const { context } = request;
  const from = stageByKey(workflow, request.from);
  if (!from) {
    return {
      ok: false,
      reason: 'unknown_stage',
      message: `Unknown stage "${request.from}"`,
      allowed: [],
    };
  }
  const allowedStages = nextStages(workflow, from.key, context);
  const allowed = allowedStages.map((stage) => stage.key);
  const to = stageByKey(workflow, request.to);
  if (!to) {
    return {
      ok: false,
      reason: 'unknown_stage',
      message: `Unknown stage "${request.to}"`,
      allowed,
    };
  }
  if (to.key === from.key) {
    return {
      ok: false,
      reason: 'same_stage',
      message: `Job is already in "${from.label}"`,
      allowed,
    };
  }

  const evaluation = evaluate(workflow, from, to, context);
  switch (evaluation.kind) {
    case 'allowed':
      return { ok: true, from, to, actions: evaluation.actions };
    case 'guarded':
      return {
        ok: false,
        reason: 'guard_failed',
        message: `Job cannot move from "${from.label}" to "${to.label}": ${evaluation.failedGuards
          .map((guard) => describeFailedGuard(guard, context))
          .join('; ')}`,
        allowed,
        failedGuards: evaluation.failedGuards,
      };
    case 'not_declared':
      return {
        ok: false,
        reason: 'not_allowed',
        message: `Job cannot move from "${from.label}" to "${to.label}"; ${describeAllowed(allowedStages)}`,
        allowed,
      };
  }
}

/** Stages the job may legally move to now (guards passing), in workflow stage order. */
export function nextStages(workflow: Workflow, from: string, context: TransitionContext): Stage[] {
  const fromStage = stageByKey(workflow, from);
  if (!fromStage) return [];
  return workflow.stages.filter(
    (to) => to.key !== fromStage.key && evaluate(workflow, fromStage, to, context).kind === 'allowed',
  );
}

function evaluate(workflow: Workflow, from: Stage, to: Stage, context: TransitionContext): Evaluation {
  // A held job resumes where it was held, never somewhere else.
  const resuming = from.category === 'hold' && (to.category === 'queued' || to.category === 'active');
  if (resuming && context.heldFrom !== to.key) return { kind: 'not_declared' };

  const candidates = workflow.transitions.filter(
    (rule) => selectorMatches(rule.from, from) && selectorMatches(rule.to, to),
  );
  if (candidates.length === 0) return { kind: 'not_declared' };

  const implicit = implicitGuards(from, to);
  // The first rule whose guards pass decides the actions, so rule order is meaningful.
  for (const rule of candidates) {
    if (failedGuards(guardsOf(rule.guards, implicit), context).length === 0) {
      return { kind: 'allowed', actions: [...new Set(rule.actions ?? [])] };
    }
  }
  const first = candidates[0];
  return { kind: 'guarded', failedGuards: first ? failedGuards(guardsOf(first.guards, implicit), context) : [] };
}

/**
 * Guards no workflow can leave out: a job enters production (an `active` stage, from
 * anything that is not) only with every file checked and free of errors, whatever a
 * shop's own workflow declares.
 */
function implicitGuards(from: Stage, to: Stage): GuardKey[] {
  return to.category === 'active' && from.category !== 'active' ? ['noPreflightErrors'] : [];
}

function guardsOf(declared: GuardKey[] | undefined, implicit: GuardKey[]): GuardKey[] {
  return [...new Set([...(declared ?? []), ...implicit])];
}

function describeAllowed(stages: Stage[]): string {
  return stages.length === 0
    ? 'no move is allowed from here'
    : `allowed: ${stages.map((stage) => stage.label).join(', ')}`;
}
