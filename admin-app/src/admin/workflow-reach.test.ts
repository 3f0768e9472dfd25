import { describe, expect, it } from 'vitest';
import { unreachableStages, type DraftWorkflow } from './workflow-reach.ts';

const stages = [
  { key: 'received', category: 'queued' },
  { key: 'printing', category: 'active' },
  { key: 'check', category: 'active' },
  { key: 'on_hold', category: 'hold' },
  { key: 'done', category: 'done' },
];

describe('stages a job can never enter', () => {
  const workflow: DraftWorkflow = {
    initialStage: 'received',
    stages,
    transitions: [
      { from: 'received', to: 'printing' },
      { from: 'printing', to: 'check' },
      { from: 'check', to: 'done' },
      { fromCategories: ['queued', 'active'], to: 'on_hold' },
      { from: 'on_hold', toCategories: ['queued', 'active'] },
    ],
  };

  it('are none when every stage is led to, directly or through a category rule', () => {
    expect(unreachableStages(workflow)).toEqual([]);
  });

  it('are the stages cut off when a move is removed', () => {
    const withoutCheck = { ...workflow, transitions: workflow.transitions.filter((rule) => rule.to !== 'check') };
    expect(unreachableStages(withoutCheck)).toEqual(['check', 'done']);
  });
});
