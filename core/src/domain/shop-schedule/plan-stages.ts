/** Where a workflow's jobs stand for the schedule. */
export interface PlanStages {
  /** Waiting for a machine: the `scheduled` stage and any queued stage listed after it. */
  queued: string[];
  /** On its machine: the first active stage (later active stages are past the machine: finishing, checks, pickup). */
  running: string | null;
}

export function planStages(workflow: { stages: readonly { key: string; category: string }[] }): PlanStages {
  const at = workflow.stages.findIndex((stage) => stage.key === 'scheduled');
  const queued = at < 0 ? [] : workflow.stages.slice(at).filter((stage) => stage.category === 'queued').map((stage) => stage.key);
  const running = workflow.stages.find((stage) => stage.category === 'active')?.key ?? null;
  return { queued, running };
}
