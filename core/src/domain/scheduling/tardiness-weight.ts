/** How much more a rush job's minute late costs than a normal one's. */
export const RUSH_FACTOR = 10;

/**
 * The tardiness weight of a job from its order's priority (1 normal, higher more
 * important) and rush flag: the solver minimises Σ weight × minutes late.
 */
export function tardinessWeight(input: { priority?: number; rush?: boolean }): number {
  const priority = input.priority !== undefined && Number.isFinite(input.priority) && input.priority > 0 ? input.priority : 1;
  return priority * (input.rush ? RUSH_FACTOR : 1);
}
