import type { Stage } from './workflow-types.ts';

/**
 * What `heldFrom` should be after a move: entering a hold stage remembers where the job
 * was (moving between hold stages keeps the original), leaving hold forgets it.
 */
export function heldFromAfterMove(move: { from: Stage; to: Stage; heldFrom: string | null }): string | null {
  if (move.to.category !== 'hold') return null;
  return move.from.category === 'hold' ? move.heldFrom : move.from.key;
}
