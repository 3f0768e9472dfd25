import { categorySide, parseSide, stageSide, type SideValue, type WorkflowDraft } from './workflow-draft.ts';

/** What a workflow may name, as the API's workflowVocabulary lists it. */
export interface Vocabulary {
  guards: { key: string; description: string }[];
  actions: { key: string; description: string }[];
  categories: string[];
  customerStatuses: string[];
}

export const VOCABULARY_FIELDS = 'workflowVocabulary { guards { key description } actions { key description } categories customerStatuses }';

/** "noPreflightErrors" → "No preflight errors", "in_review" → "In review". */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const stageName = (draft: WorkflowDraft, index: number) => draft.stages[index]!.label.trim() || `Stage ${index + 1} (no label yet)`;

export function sideLabel(draft: WorkflowDraft, value: SideValue): string {
  const side = parseSide(value);
  if (!side) return 'Not chosen';
  if ('categories' in side) return `Any ${side.categories.join(' or ')} stage`;
  const index = draft.stages.findIndex((stage) => stage.key === side.key);
  return index >= 0 ? stageName(draft, index) : `Removed stage "${side.key}"`;
}

/**
 * The choices for one side of a move: every stage, then "any <category> stage". A value
 * the list lacks (a rule naming several categories, a removed stage) is offered too, so
 * the select shows what the move really says.
 */
export function sideOptions(draft: WorkflowDraft, categories: readonly string[], current: SideValue): { label: string; value: string }[] {
  const options = [
    ...draft.stages.map((stage, index) => ({ label: stageName(draft, index), value: stageSide(stage.key) })),
    ...categories.map((category) => ({ label: `Any ${category} stage`, value: categorySide([category]) })),
  ];
  if (current && !options.some((option) => option.value === current)) options.push({ label: sideLabel(draft, current), value: current });
  return options;
}

/** The initial stage's choices: the stages (only a queued one is accepted), and a removed one still named. */
export function initialOptions(draft: WorkflowDraft): { label: string; value: string }[] {
  const options = draft.stages.map((stage, index) => ({ label: `${stageName(draft, index)} (${stage.category})`, value: stage.key }));
  if (!draft.stages.some((stage) => stage.key === draft.initialStage)) options.push({ label: `Removed stage "${draft.initialStage}"`, value: draft.initialStage });
  return options;
}
