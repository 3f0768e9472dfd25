import type { Tx } from '@pressline/db';
import { and, eq } from 'drizzle-orm';
import { schema } from '@pressline/db';
import type { TransitionContext } from '../../domain/index.ts';
import { jobFilesOf, preflightCounts, type JobFileView } from '../preflight/job-file-reads.ts';

/**
 * The facts the workflow guards look at: the preflight state of the job's design files
 * (errors, and files not checked yet) and, until shipments arrive with their own
 * feature, every unit unshipped, so "ready → shipped" waits for a recorded shipment.
 */
export function transitionContextOf(job: { heldFrom: string | null }, items: readonly { quantity: number }[], files: readonly JobFileView[]): TransitionContext {
  const quantity = items.reduce((sum, item) => sum + item.quantity, 0);
  const preflight = preflightCounts(files);
  return { preflightErrorCount: preflight.errors, preflightPendingCount: preflight.pending, unshippedQuantity: quantity, heldFrom: job.heldFrom };
}

export async function loadTransitionContext(tx: Tx, job: { shopId: string; id: string; heldFrom: string | null }): Promise<TransitionContext> {
  const items = await tx
    .select({ quantity: schema.jobItems.quantity })
    .from(schema.jobItems)
    .where(and(eq(schema.jobItems.shopId, job.shopId), eq(schema.jobItems.jobId, job.id)));
  return transitionContextOf(job, items, await jobFilesOf(tx, job.shopId, [job.id]));
}
