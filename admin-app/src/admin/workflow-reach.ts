/** A workflow as the editor holds it (the API's WorkflowInput). */
export interface DraftWorkflow {
  initialStage: string;
  stages: { key: string; category: string }[];
  transitions: { from?: string | null; fromCategories?: string[] | null; to?: string | null; toCategories?: string[] | null }[];
}

function matches(stage: { key: string; category: string }, key: string | null | undefined, categories: string[] | null | undefined): boolean {
  if (key) return stage.key === key;
  return (categories ?? []).includes(stage.category);
}

/**
 * Stages no job could ever enter once saved: nothing leads to them from the initial
 * stage. The API checks that every stage can still finish; the editor adds this check so
 * removing a move cannot silently strand a stage.
 */
export function unreachableStages(workflow: DraftWorkflow): string[] {
  const reached = new Set([workflow.initialStage]);
  const queue = [workflow.initialStage];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    const from = workflow.stages.find((stage) => stage.key === key);
    // A held job only resumes where it was held from, a stage already reached.
    if (!from || from.category === 'hold') continue;
    for (const rule of workflow.transitions) {
      if (!matches(from, rule.from, rule.fromCategories)) continue;
      for (const to of workflow.stages) {
        if (matches(to, rule.to, rule.toCategories) && !reached.has(to.key)) {
          reached.add(to.key);
          queue.push(to.key);
        }
      }
    }
  }
  return workflow.stages.filter((stage) => !reached.has(stage.key)).map((stage) => stage.key);
}
