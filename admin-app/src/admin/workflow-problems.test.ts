import { describe, expect, it } from 'vitest';
import { draftFrom, withNewStage, withStageLabel, type WorkflowDraft, type WorkflowInput } from './workflow-draft.ts';
import { draftFromJson, draftToJson } from './workflow-json.ts';
import { checkDraft, placeName, serverProblemText, unreachableSentence } from './workflow-problems.ts';

const input: WorkflowInput = {
  initialStage: 'new',
  stages: [
    { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
    { key: 'printing', label: 'Printing', category: 'active', customerStatus: 'in_production' },
    { key: 'trimming', label: 'Trimming', category: 'active', customerStatus: 'in_production' },
    { key: 'done', label: 'Done', category: 'done', customerStatus: 'completed' },
  ],
  transitions: [
    { from: 'new', to: 'printing' },
    { from: 'printing', to: 'trimming' },
    { from: 'trimming', to: 'done' },
  ],
};
const load = () => draftFrom(input, new Set(input.stages.map((stage) => stage.key)));
const messages = (draft: WorkflowDraft) => checkDraft(draft).problems.map((problem) => `${placeName(problem.place)}: ${problem.message}`);

describe('checking a workflow draft before saving', () => {
  it('finds nothing wrong with a workflow every stage of which is reached', () => {
    expect(checkDraft(load())).toEqual({ problems: [], unreachable: [] });
  });

  it('names empty labels, bad and shared keys', () => {
    let draft = withNewStage(load(), 'active', 'in_production');
    expect(messages(draft)).toEqual(['Stage 5 label: Enter a label', 'Stage 5 key: Enter a key']);
    draft = withStageLabel(draft, 4, 'printing');
    expect(messages(draft)).toEqual(['Stage 2 label: Stage 5 has this label too', 'Stage 2 key: Stage 5 has this key too', 'Stage 5 label: Stage 2 has this label too', 'Stage 5 key: Stage 2 has this key too']);
    draft = { ...draft, stages: draft.stages.map((stage, i) => (i === 4 ? { ...stage, key: 'Print 2', label: 'Print 2' } : stage)) };
    expect(messages(draft)).toEqual(['Stage 5 key: Use lowercase letters, digits and single underscores, starting with a letter']);
  });

  it('names moves that lead from or to a removed stage, and a removed initial stage', () => {
    const draft = load();
    const removed = { ...draft, stages: draft.stages.filter((stage) => stage.key !== 'trimming' && stage.key !== 'new') };
    expect(messages(removed)).toEqual(['Move 1 from: "new" is not a stage any more', 'Move 2 to: "trimming" is not a stage any more', 'Move 3 from: "trimming" is not a stage any more', 'Initial stage: Choose a stage: "new" is not a stage any more']);
  });

  it('refuses an initial stage that is not queued', () => {
    expect(messages({ ...load(), initialStage: 'printing' })).toEqual(['Initial stage: Jobs must start in a queued stage; Printing is active']);
  });

  it('names the stages no job could reach once the only move into one is gone', () => {
    const draft = load();
    const check = checkDraft({ ...draft, moves: draft.moves.filter((_, i) => i !== 1) });
    expect(check.unreachable).toEqual(['trimming', 'done']);
    expect(unreachableSentence(check.unreachable)).toBe('no move leads to "trimming", "done" any more, so no job could reach them.');
  });
});

describe("the API's problems", () => {
  it('point at the rows of the form, numbered from 1', () => {
    expect(serverProblemText('transitions[3]: done stage "shipped" may only move to another done stage, not "laminating"')).toBe('Move 4: done stage "shipped" may only move to another done stage, not "laminating"');
    expect(serverProblemText('stages[0].customerStatus: must be one of received, shipped')).toBe('Stage 1 customerStatus: must be one of received, shipped');
    expect(serverProblemText('stage "proof" cannot reach a done stage')).toBe('stage "proof" cannot reach a done stage');
  });
});

describe('the advanced JSON view', () => {
  it('reads back what it shows, and new keys count as new stages', () => {
    const json = draftToJson(load());
    const read = draftFromJson(json, new Set(['new', 'printing', 'done']));
    expect(read.ok && draftToJson(read.draft)).toBe(json);
    expect(read.ok && read.draft.stages.filter((stage) => stage.isNew).map((stage) => stage.key)).toEqual(['trimming']);
  });

  it('says what is wrong with JSON it cannot read', () => {
    expect(draftFromJson('{ "stages": [', new Set())).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid JSON: /) });
    expect(draftFromJson('{ "stages": {}, "transitions": [] }', new Set())).toEqual({ ok: false, message: 'stages must be a list of objects' });
    expect(draftFromJson('[]', new Set())).toEqual({ ok: false, message: 'The workflow must be a JSON object' });
  });
});
