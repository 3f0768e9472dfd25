import { draftToInput, parseSide, type SideValue, type WorkflowDraft } from './workflow-draft.ts';
import { unreachableStages } from './workflow-reach.ts';

/** Where a problem shows in the form: on one field of a stage or a move, or on the initial stage. */
export type ProblemPlace =
  | { kind: 'stage'; index: number; field: 'key' | 'label' }
  | { kind: 'move'; index: number; field: 'from' | 'to' }
  | { kind: 'initial' };

export interface DraftProblem {
  place: ProblemPlace;
  message: string;
}

export interface DraftCheck {
  /** Problems of single fields, each shown beside its field. */
  problems: DraftProblem[];
  /** Stage keys no job could reach from the initial stage (shown on their rows too). */
  unreachable: string[];
}

const STAGE_KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * What the editor refuses before asking the API: fields left empty, keys the API would
 * refuse or that two stages share, moves naming stages that were removed, and stages a
 * job could no longer reach. The API checks the rest (e.g. that every stage can finish).
 */
export function checkDraft(draft: WorkflowDraft): DraftCheck {
  const problems: DraftProblem[] = [];
  const keys = new Set(draft.stages.map((stage) => stage.key));

  draft.stages.forEach((stage, index) => {
    const stageProblem = (field: 'key' | 'label', message: string) => problems.push({ place: { kind: 'stage', index, field }, message });
    const other = (same: (other: WorkflowDraft['stages'][number]) => boolean) => draft.stages.findIndex((s, i) => i !== index && same(s));
    if (stage.label.trim() === '') stageProblem('label', 'Enter a label');
    else {
      const twin = other((s) => s.label.trim().toLowerCase() === stage.label.trim().toLowerCase());
      if (twin >= 0) stageProblem('label', `Stage ${twin + 1} has this label too`);
    }
    if (stage.key === '') stageProblem('key', 'Enter a key');
    else if (!STAGE_KEY.test(stage.key)) stageProblem('key', 'Use lowercase letters, digits and single underscores, starting with a letter');
    else {
      const twin = other((s) => s.key === stage.key);
      if (twin >= 0) stageProblem('key', `Stage ${twin + 1} has this key too`);
    }
  });

  draft.moves.forEach((move, index) => {
    for (const field of ['from', 'to'] as const) {
      const message = sideProblem(move[field], field, keys);
      if (message) problems.push({ place: { kind: 'move', index, field }, message });
    }
  });

  const initial = draft.stages.find((stage) => stage.key === draft.initialStage);
  if (draft.stages.length === 0) problems.push({ place: { kind: 'initial' }, message: 'Add at least one stage' });
  else if (!initial) problems.push({ place: { kind: 'initial' }, message: `Choose a stage: "${draft.initialStage}" is not a stage any more` });
  else if (initial.category !== 'queued') problems.push({ place: { kind: 'initial' }, message: `Jobs must start in a queued stage; ${initial.label} is ${initial.category}` });

  return { problems, unreachable: initial ? unreachableStages(draftToInput(draft)) : [] };
}

function sideProblem(value: SideValue, field: 'from' | 'to', keys: ReadonlySet<string>): string | null {
  const side = parseSide(value);
  if (!side || ('categories' in side && side.categories.length === 0)) return field === 'from' ? 'Choose where the move starts' : 'Choose where the move leads';
  if ('key' in side && !keys.has(side.key)) return `"${side.key}" is not a stage any more`;
  return null;
}

/** "Stage 3 key", "Move 4 from", "Initial stage": how the banner points at a field. */
export function placeName(place: ProblemPlace): string {
  if (place.kind === 'initial') return 'Initial stage';
  return `${place.kind === 'stage' ? 'Stage' : 'Move'} ${place.index + 1} ${place.field}`;
}

/** The sentence refusing a draft whose stages a job could no longer reach. */
export function unreachableSentence(keys: readonly string[]): string {
  return `no move leads to ${keys.map((key) => `"${key}"`).join(', ')} any more, so no job could reach ${keys.length === 1 ? 'it' : 'them'}.`;
}

/**
 * The API names problems by input path (`transitions[3].from: …`); the form numbers its
 * rows from 1 in the same order, so `transitions[3]` is "Move 4".
 */
export function serverProblemText(problem: string): string {
  return problem.replace(/^(stages|transitions)\[(\d+)\]\.?/, (_, list: string, index: string) => `${list === 'stages' ? 'Stage' : 'Move'} ${Number(index) + 1} `).replace(/ :/, ':');
}
