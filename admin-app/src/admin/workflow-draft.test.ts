import { describe, expect, it } from 'vitest';
import { draftFrom, draftToInput, keyFromLabel, toggled, withNewMove, withNewStage, withStageLabel, withTypedKey, type WorkflowInput } from './workflow-draft.ts';

// As the API answers it: absent sides are null, guards and actions empty lists.
const saved: WorkflowInput = {
  initialStage: 'new',
  stages: [
    { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
    { key: 'printing', label: 'Printing', category: 'active', customerStatus: 'in_production' },
    { key: 'done', label: 'Done', category: 'done', customerStatus: 'completed' },
  ],
  transitions: [
    { from: 'new', fromCategories: null, to: 'printing', toCategories: null, guards: ['noPreflightErrors'], actions: [] },
    { from: 'printing', fromCategories: null, to: 'done', toCategories: null, guards: [], actions: ['pushStatus', 'notifyCustomer'] },
    { from: null, fromCategories: ['queued', 'active'], to: 'done', toCategories: null, guards: [], actions: [] },
  ],
};
const keys = (input: WorkflowInput) => new Set(input.stages.map((stage) => stage.key));

describe('a workflow draft', () => {
  it('saves unchanged what it read, as the input the API takes', () => {
    const draft = draftFrom(saved, keys(saved));
    expect(draft.stages.every((stage) => !stage.isNew)).toBe(true);
    expect(draftToInput(draft)).toEqual({
      initialStage: 'new',
      stages: saved.stages,
      transitions: [
        { from: 'new', to: 'printing', guards: ['noPreflightErrors'] },
        { from: 'printing', to: 'done', actions: ['pushStatus', 'notifyCustomer'] },
        { fromCategories: ['queued', 'active'], to: 'done' },
      ],
    });
  });

  it('gives a new stage a key from its label, and moves naming it follow the key', () => {
    let draft = withNewStage(draftFrom(saved, keys(saved)), 'active', 'in_production');
    draft = withStageLabel(draft, 3, 'L');
    draft = withNewMove(draft);
    draft = { ...draft, moves: draft.moves.map((move, i) => (i === 3 ? { ...move, from: 'stage:printing', to: 'stage:l' } : move)) };
    draft = withStageLabel(draft, 3, 'Laminating');
    expect(draft.stages[3]).toMatchObject({ key: 'laminating', label: 'Laminating', isNew: true });
    expect(draftToInput(draft).transitions[3]).toEqual({ from: 'printing', to: 'laminating' });

    // Once typed, the key stays as typed.
    draft = withTypedKey(draft, 3, 'lamination');
    draft = withStageLabel(draft, 3, 'Laminating (gloss)');
    expect(draft.stages[3]!.key).toBe('lamination');
    expect(draftToInput(draft).transitions[3]).toEqual({ from: 'printing', to: 'lamination' });
  });

  it('leaves moves alone when the key passed through belongs to another stage', () => {
    let draft = withNewStage(draftFrom(saved, keys(saved)), 'queued', 'received');
    draft = withStageLabel(draft, 3, 'New');
    expect(draft.stages[3]!.key).toBe('new');
    draft = withStageLabel(draft, 3, 'New rush');
    expect(draft.stages[3]!.key).toBe('new_rush');
    expect(draft.initialStage).toBe('new');
    expect(draftToInput(draft).transitions[0]).toEqual({ from: 'new', to: 'printing', guards: ['noPreflightErrors'] });
  });

  it('keeps a saved stage key when its label changes', () => {
    const draft = withStageLabel(draftFrom(saved, keys(saved)), 1, 'On the press');
    expect(draft.stages[1]).toMatchObject({ key: 'printing', label: 'On the press' });
  });
});

describe('a key made from a label', () => {
  it.each([
    ['Laminating', 'laminating'],
    ['Quality check', 'quality_check'],
    ['  Post-processing / QA ', 'post_processing_qa'],
    ['Découpe', 'decoupe'],
    ['3D print', 'stage_3d_print'],
    ['!!', ''],
  ])('%s → %s', (label, key) => expect(keyFromLabel(label)).toBe(key));
});

describe('a guard or action ticked', () => {
  const order = ['notifyCustomer', 'pushStatus', 'createFulfillment'];
  it('keeps the vocabulary order and drops an unticked one', () => {
    expect(toggled(['createFulfillment'], 'notifyCustomer', true, order)).toEqual(['notifyCustomer', 'createFulfillment']);
    expect(toggled(['notifyCustomer', 'createFulfillment'], 'notifyCustomer', false, order)).toEqual(['createFulfillment']);
  });
});
