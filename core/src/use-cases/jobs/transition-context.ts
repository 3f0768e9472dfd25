import { and, eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { TransitionContext } from '../../domain/index.ts';

/**
 * The facts the workflow guards look at. Preflight reports and shipments arrive with
 * their own features; until a job has them it has no preflight errors and nothing of
 * it has shipped, so "ready → shipped" waits for a recorded shipment.
 */
export function transitionContextOf(job: { heldFrom: string | null }, items: readonly { quantity: number }[]): TransitionContext {
  const quantity = items.reduce((sum, item) => sum + item.quantity, 0);
  return { preflightErrorCount: 0, unshippedQuantity: quantity, heldFrom: job.heldFrom };
}

export async function loadTransitionContext(tx: Tx, job: { shopId: string; id: string; heldFrom: string | null }): Promise<TransitionContext> {
  const items = await tx
    .select({ quantity: schema.jobItems.quantity })
    .from(schema.jobItems)
    .where(and(eq(schema.jobItems.shopId, job.shopId), eq(schema.jobItems.jobId, job.id)));
  return transitionContextOf(job, items);
}
