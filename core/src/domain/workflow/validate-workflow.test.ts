import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from './default-workflow.ts';
import { validateWorkflow } from './validate-workflow.ts';
import type { Stage, TransitionRule } from './workflow-types.ts';

const stages: Stage[] = [
  { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
  { key: 'cutting', label: 'Cutting', category: 'active', customerStatus: 'in_production' },
  { key: 'done', label: 'Done', category: 'done', customerStatus: 'completed' },
  { key: 'paused', label: 'Paused', category: 'hold', customerStatus: 'on_hold' },
  { key: 'void', label: 'Void', category: 'cancelled', customerStatus: 'cancelled' },
];
const transitions: TransitionRule[] = [
  { from: 'new', to: 'cutting', actions: ['pushStatus'] },
  { from: 'cutting', to: 'done', guards: ['allItemsShipped'], actions: ['createFulfillment'] },
  { from: { category: ['queued', 'active'] }, to: 'paused' },
  { from: 'paused', to: { category: ['queued', 'active'] } },
  { from: { category: ['queued', 'active', 'hold'] }, to: 'void' },
];
const valid = { initialStage: 'new', stages, transitions };

function problemsOf(input: unknown): string[] {
  const result = validateWorkflow(input);
  if (result.ok) throw new Error('expected the workflow to be rejected');
  return result.problems;
}

describe('validateWorkflow', () => {
  it('accepts the default workflow and a small custom one', () => {
    expect(validateWorkflow(defaultWorkflow)).toEqual({ ok: true, workflow: defaultWorkflow });
    expect(validateWorkflow(valid)).toEqual({ ok: true, workflow: valid });
  });

  it('trims labels and drops unknown fields', () => {
    const result = validateWorkflow({
      ...valid,
      extra: true,
      stages: stages.map((stage, i) => (i === 0 ? { ...stage, label: '  New  ', colour: 'red' } : stage)),
    });
    expect(result.ok && result.workflow.stages[0]).toEqual(stages[0]);
    expect(result.ok && 'extra' in result.workflow).toBe(false);
  });

  it('rejects input that is not a workflow object', () => {
    expect(problemsOf(null)).toEqual(['workflow: must be an object']);
    expect(problemsOf({ initialStage: 'new', stages: [], transitions: [] })).toEqual([
      'stages: must list at least one stage',
    ]);
    expect(problemsOf({ initialStage: 'new', stages: 'x', transitions: [] })).toEqual(['stages: must be a list of stages']);
  });

  it('rejects bad keys and empty labels, naming the field', () => {
    const bad = [
      { ...stages[0], key: 'New Stage' },
      { ...stages[1], key: '' },
      { ...stages[2], label: '   ' },
      ...stages.slice(3),
    ];
    expect(problemsOf({ ...valid, stages: bad })).toEqual([
      'stages[0].key: must be lowercase snake_case (e.g. "quality_check")',
      'stages[1].key: must be lowercase snake_case (e.g. "quality_check")',
      'stages[2].label: must not be empty',
    ]);
  });

  it('rejects unknown categories, customer statuses, guards and actions', () => {
    const problems = problemsOf({
      ...valid,
      stages: [{ ...stages[0], category: 'waiting' }, { ...stages[1], customerStatus: 'printing' }, ...stages.slice(2)],
      transitions: [{ from: 'new', to: 'cutting', guards: ['paid'], actions: ['sendFax'] }, ...transitions.slice(1)],
    });
    expect(problems).toEqual([
      'stages[0].category: must be one of queued, active, hold, done, cancelled',
      'stages[1].customerStatus: must be one of received, in_review, in_production, ready, shipped, completed, on_hold, cancelled',
      'transitions[0].guards[0]: must be one of noPreflightErrors, allItemsShipped',
      'transitions[0].actions[0]: must be one of notifyCustomer, pushStatus, createFulfillment',
    ]);
  });

  it('rejects a malformed selector and an empty category list', () => {
    expect(
      problemsOf({ ...valid, transitions: [{ from: 42, to: 'done' }, { from: { category: [] }, to: 'done' }] }),
    ).toEqual([
      'transitions[0].from: must be a stage key or { category: [...] }',
      'transitions[1].from.category: must list at least one category',
    ]);
  });

  it('rejects duplicate keys and labels', () => {
    expect(problemsOf({ ...valid, stages: [...stages, { ...stages[1], label: 'Cutting again' }] })).toEqual([
      'stage key "cutting" is used more than once',
    ]);
    expect(problemsOf({ ...valid, stages: [...stages, { ...stages[1], key: 'cutting_2', label: 'cutting' }] })).toEqual([
      'stage label "cutting" is used more than once',
    ]);
  });

  it('rejects a missing or non-queued initial stage', () => {
    expect(problemsOf({ ...valid, initialStage: 'start' })).toEqual(['initialStage "start" is not a stage of this workflow']);
    expect(problemsOf({ ...valid, initialStage: 'cutting' })).toEqual([
      'initialStage "cutting" must be a queued stage, not active',
    ]);
  });

  it('rejects transitions to or from stages that do not exist', () => {
    expect(
      problemsOf({
        ...valid,
        transitions: [...transitions, { from: 'cutting', to: 'laminate' }, { from: { category: ['done'] }, to: 'nowhere' }],
      }),
    ).toEqual([
      'transitions[5].to: "laminate" is not a stage of this workflow',
      'transitions[6].to: "nowhere" is not a stage of this workflow',
    ]);
    const withoutHold = stages.filter((stage) => stage.category !== 'hold');
    expect(problemsOf({ ...valid, stages: withoutHold, transitions: transitions.slice(0, 2).concat({ from: { category: ['hold'] }, to: 'void' }) })).toEqual([
      'transitions[2].from: no stage is in category hold',
    ]);
  });

  it('rejects a workflow without a done stage', () => {
    expect(
      problemsOf({
        initialStage: 'new',
        stages: [stages[0], stages[4]],
        transitions: [{ from: 'new', to: 'void' }],
      }),
    ).toEqual(['the workflow needs at least one stage in category "done"']);
  });

  it('rejects stages that can never finish', () => {
    expect(problemsOf({ ...valid, transitions: transitions.filter((rule) => rule.to !== 'done') })).toEqual([
      'stage "new" cannot reach a done stage',
      'stage "cutting" cannot reach a done stage',
      'stage "paused" cannot reach a done stage',
    ]);
  });

  it('rejects leaving a cancelled stage, and leaving a done stage except for another done stage', () => {
    const shipped: Stage = { key: 'shipped', label: 'Shipped', category: 'done', customerStatus: 'shipped' };
    const withShipped = { ...valid, stages: [...stages, shipped] };
    expect(validateWorkflow({ ...withShipped, transitions: [...transitions, { from: 'shipped', to: 'done' }] }).ok).toBe(true);
    expect(
      problemsOf({
        ...withShipped,
        transitions: [...transitions, { from: 'done', to: 'cutting' }, { from: 'void', to: 'new' }],
      }),
    ).toEqual([
      'transitions[5]: done stage "done" may only move to another done stage, not "cutting"',
      'transitions[6]: cancelled stage "void" is final and cannot move on',
    ]);
  });

  it('rejects a hold stage that a held job cannot come back from', () => {
    expect(
      problemsOf({ ...valid, transitions: transitions.map((rule, i) => (i === 3 ? { from: 'paused', to: 'new' } : rule)) }),
    ).toEqual(['stage "cutting" can be put on hold in "paused" but cannot resume from it']);
  });
});
