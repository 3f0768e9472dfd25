import { describe, expect, it } from 'vitest';
import { draftFrom, type WorkflowInput } from './workflow-draft.ts';
import { humanize, initialOptions, sideOptions } from './workflow-options.ts';

const input: WorkflowInput = {
  initialStage: 'new',
  stages: [
    { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
    { key: 'printing', label: 'Printing', category: 'active', customerStatus: 'in_production' },
  ],
  transitions: [{ fromCategories: ['queued', 'active'], to: 'printing' }],
};
const draft = draftFrom(input, new Set(['new', 'printing']));
const categories = ['queued', 'active', 'hold', 'done', 'cancelled'];

describe('the choices for a side of a move', () => {
  it('are the stages by label, then any stage of each category', () => {
    expect(sideOptions(draft, categories, 'stage:new').map((option) => option.label)).toEqual([
      'New',
      'Printing',
      'Any queued stage',
      'Any active stage',
      'Any hold stage',
      'Any done stage',
      'Any cancelled stage',
    ]);
  });

  it('also offer what the move says when the list lacks it: several categories, or a removed stage', () => {
    expect(sideOptions(draft, categories, 'category:queued,active').at(-1)).toEqual({ label: 'Any queued or active stage', value: 'category:queued,active' });
    expect(sideOptions(draft, categories, 'stage:laminating').at(-1)).toEqual({ label: 'Removed stage "laminating"', value: 'stage:laminating' });
  });

  it('name a new stage without a label by its row', () => {
    const unnamed = { ...draft, stages: [...draft.stages, { ...draft.stages[1]!, id: 'x', key: '', label: '' }] };
    expect(sideOptions(unnamed, [], '').map((option) => option.label)).toEqual(['New', 'Printing', 'Stage 3 (no label yet)']);
  });
});

describe('the initial stage choices', () => {
  it('show each stage with its category, and a removed initial stage as removed', () => {
    expect(initialOptions(draft).map((option) => option.label)).toEqual(['New (queued)', 'Printing (active)']);
    expect(initialOptions({ ...draft, initialStage: 'intake' }).at(-1)).toEqual({ label: 'Removed stage "intake"', value: 'intake' });
  });
});

describe('a key shown to people', () => {
  it.each([
    ['noPreflightErrors', 'No preflight errors'],
    ['in_review', 'In review'],
    ['queued', 'Queued'],
  ])('%s → %s', (key, text) => expect(humanize(key)).toBe(text));
});
