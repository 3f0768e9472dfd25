import { decideTransition, stageByKey, type Stage, type TransitionContext, type Workflow } from '../workflow/index.ts';

/**
 * The legal moves that take a job from `from` to `to`, fewest first, through ordinary
 * stages only (never via a hold, done or cancelled stage). Empty when already there;
 * null when the workflow offers no way now. Each step is a normal, guarded transition.
 * A held job stays held: only an operator resumes it.
 */
export function stagePath(workflow: Workflow, from: string, to: string, context: TransitionContext): Stage[] | null {
  if (from === to) return [];
  const start = stageByKey(workflow, from);
  if (!start || !stageByKey(workflow, to)) return null;
  if (start.category !== 'queued' && start.category !== 'active') return null;
  const previous = new Map<string, string>([[from, from]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const stage of workflow.stages) {
        if (previous.has(stage.key)) continue;
        if (stage.key !== to && stage.category !== 'queued' && stage.category !== 'active') continue;
        if (!decideTransition(workflow, { from: key, to: stage.key, context }).ok) continue;
        previous.set(stage.key, key);
        if (stage.key === to) return unwind(workflow, previous, from, to);
        next.push(stage.key);
      }
    }
    frontier = next;
  }
  return null;
}

function unwind(workflow: Workflow, previous: Map<string, string>, from: string, to: string): Stage[] {
  const keys: string[] = [];
  for (let key = to; key !== from; key = previous.get(key)!) keys.unshift(key);
  return keys.map((key) => stageByKey(workflow, key)!);
}
