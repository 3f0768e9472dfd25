/** The API's WorkflowInput; the Workflow it answers has the same shape, with nulls for absent sides. */
export interface WorkflowInput {
  initialStage: string;
  stages: { key: string; label: string; category: string; customerStatus: string }[];
  transitions: {
    from?: string | null;
    fromCategories?: string[] | null;
    to?: string | null;
    toCategories?: string[] | null;
    guards?: string[] | null;
    actions?: string[] | null;
  }[];
}

export interface StageDraft {
  /** Stable across edits of the key, for React and for focus. */
  id: string;
  key: string;
  label: string;
  category: string;
  customerStatus: string;
  /** Not saved yet: its key may still change, and follows the label until typed. */
  isNew: boolean;
  keyTyped: boolean;
}

/** A side of a move as the form's select holds it: `stage:<key>`, `category:<a>,<b>` or '' (not chosen). */
export type SideValue = string;

export interface MoveDraft {
  id: string;
  from: SideValue;
  to: SideValue;
  guards: string[];
  actions: string[];
}

export interface WorkflowDraft {
  initialStage: string;
  stages: StageDraft[];
  moves: MoveDraft[];
}

let lastId = 0;
const newId = (prefix: string) => `${prefix}-${++lastId}`;

export const stageSide = (key: string): SideValue => `stage:${key}`;
export const categorySide = (categories: readonly string[]): SideValue => `category:${categories.join(',')}`;

/** The stage key or categories a side value names; null when nothing is chosen. */
export function parseSide(value: SideValue): { key: string } | { categories: string[] } | null {
  if (value.startsWith('stage:')) return { key: value.slice('stage:'.length) };
  if (value.startsWith('category:')) return { categories: value.slice('category:'.length).split(',').filter(Boolean) };
  return null;
}

function sideOf(key: string | null | undefined, categories: string[] | null | undefined): SideValue {
  if (key) return stageSide(key);
  if (categories && categories.length > 0) return categorySide(categories);
  return '';
}

/** A workflow as the form edits it; stages named in `savedKeys` keep their key. */
export function draftFrom(workflow: WorkflowInput, savedKeys: ReadonlySet<string>): WorkflowDraft {
  return {
    initialStage: workflow.initialStage,
    stages: workflow.stages.map((stage) => ({ ...stage, id: newId('stage'), isNew: !savedKeys.has(stage.key), keyTyped: true })),
    moves: workflow.transitions.map((rule) => ({
      id: newId('move'),
      from: sideOf(rule.from, rule.fromCategories),
      to: sideOf(rule.to, rule.toCategories),
      guards: rule.guards ?? [],
      actions: rule.actions ?? [],
    })),
  };
}

/** The draft as updateWorkflow's input, in the form's order (so the API's `transitions[3]` is move 4). */
export function draftToInput(draft: WorkflowDraft): WorkflowInput {
  const side = (value: SideValue, name: 'from' | 'to') => {
    const parsed = parseSide(value);
    if (!parsed) return {};
    return 'key' in parsed ? { [name]: parsed.key } : { [`${name}Categories`]: parsed.categories };
  };
  return {
    initialStage: draft.initialStage,
    stages: draft.stages.map(({ key, label, category, customerStatus }) => ({ key, label, category, customerStatus })),
    transitions: draft.moves.map((move) => ({
      ...side(move.from, 'from'),
      ...side(move.to, 'to'),
      ...(move.guards.length > 0 ? { guards: move.guards } : {}),
      ...(move.actions.length > 0 ? { actions: move.actions } : {}),
    })),
  };
}

/** "Quality check" → "quality_check": the API's lowercase snake_case, starting with a letter. */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const key = words.join('_');
  return /^[0-9]/.test(key) ? `stage_${key}` : key;
}

/**
 * Sets a stage's key. Moves and the initial stage that named the old key follow it,
 * unless another stage still has that key (then they meant that one).
 */
export function withStageKey(draft: WorkflowDraft, index: number, key: string): WorkflowDraft {
  const old = draft.stages[index]!.key;
  const stages = draft.stages.map((stage, i) => (i === index ? { ...stage, key } : stage));
  if (old === key || stages.some((stage) => stage.key === old)) return { ...draft, stages };
  const follow = (value: SideValue) => (value === stageSide(old) ? stageSide(key) : value);
  return {
    initialStage: draft.initialStage === old ? key : draft.initialStage,
    stages,
    moves: draft.moves.map((move) => ({ ...move, from: follow(move.from), to: follow(move.to) })),
  };
}

/** Sets a stage's label; a new stage whose key was not typed takes its key from the label. */
export function withStageLabel(draft: WorkflowDraft, index: number, label: string): WorkflowDraft {
  const stage = draft.stages[index]!;
  const labelled = { ...draft, stages: draft.stages.map((s, i) => (i === index ? { ...s, label } : s)) };
  return stage.isNew && !stage.keyTyped ? withStageKey(labelled, index, keyFromLabel(label)) : labelled;
}

/** A key typed by hand: it no longer follows the label. */
export function withTypedKey(draft: WorkflowDraft, index: number, key: string): WorkflowDraft {
  const typed = { ...draft, stages: draft.stages.map((s, i) => (i === index ? { ...s, keyTyped: true } : s)) };
  return withStageKey(typed, index, key);
}

export function withNewStage(draft: WorkflowDraft, category: string, customerStatus: string): WorkflowDraft {
  const stage: StageDraft = { id: newId('stage'), key: '', label: '', category, customerStatus, isNew: true, keyTyped: false };
  return { ...draft, stages: [...draft.stages, stage] };
}

export function withNewMove(draft: WorkflowDraft): WorkflowDraft {
  return { ...draft, moves: [...draft.moves, { id: newId('move'), from: '', to: '', guards: [], actions: [] }] };
}

/** Toggles one guard or action, keeping the vocabulary's order. */
export function toggled(list: readonly string[], key: string, on: boolean, order: readonly string[]): string[] {
  const set = new Set(list);
  if (on) set.add(key);
  else set.delete(key);
  return [...order.filter((known) => set.has(known)), ...[...set].filter((other) => !order.includes(other))];
}
