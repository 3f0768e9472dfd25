import { draftFrom, draftToInput, type WorkflowDraft, type WorkflowInput } from './workflow-draft.ts';

/** The draft as the JSON the API takes (empty sides, guards and actions left out). */
export function draftToJson(draft: WorkflowDraft): string {
  return JSON.stringify(draftToInput(draft), null, 2);
}

export type JsonReading = { ok: true; draft: WorkflowDraft } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null);

/**
 * Reads JSON typed into the advanced view into a draft. Only the shape is checked here
 * (so the form can show it); the values are checked like any draft when saving.
 */
export function draftFromJson(json: string, savedKeys: ReadonlySet<string>): JsonReading {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : 'unreadable'}` };
  }
  if (!isObject(value)) return { ok: false, message: 'The workflow must be a JSON object' };
  if (!Array.isArray(value.stages) || !value.stages.every(isObject)) return { ok: false, message: 'stages must be a list of objects' };
  if (!Array.isArray(value.transitions) || !value.transitions.every(isObject)) return { ok: false, message: 'transitions must be a list of objects' };
  const input: WorkflowInput = {
    initialStage: text(value.initialStage),
    stages: value.stages.map((stage) => ({ key: text(stage.key), label: text(stage.label), category: text(stage.category), customerStatus: text(stage.customerStatus) })),
    transitions: value.transitions.map((rule) => ({
      from: text(rule.from) || null,
      fromCategories: strings(rule.fromCategories),
      to: text(rule.to) || null,
      toCategories: strings(rule.toCategories),
      guards: strings(rule.guards),
      actions: strings(rule.actions),
    })),
  };
  return { ok: true, draft: draftFrom(input, savedKeys) };
}
