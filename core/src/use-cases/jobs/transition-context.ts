import type { Tx } from '@pressline/db';
import { and, eq, inArray } from 'drizzle-orm';
import { schema } from '@pressline/db';
import type { TransitionContext } from '../../domain/index.ts';
import { jobFilesOf, preflightCounts, type JobFileView } from '../preflight/job-file-reads.ts';
import { shippedQuantities } from '../shipments/shipment-reads.ts';

/** Per order line: units ordered and units in recorded shipments. */
export type LineShipping = ReadonlyMap<string, { quantity: number; shipped: number }>;

/**
 * The facts the workflow guards look at: the preflight state of the job's design files
 * (errors, and files not checked yet) and the units of its items not shipped yet. Shipments
 * are recorded per order line, not per job, so a job's item counts as shipped only as far
 * as its line's unshipped remainder allows: a line split over two jobs is "shipped" for
 * neither until enough units have left (provably clear, never optimistic). Without
 * `shipping` every unit counts as unshipped.
 */
export function transitionContextOf(
  job: { heldFrom: string | null },
  items: readonly { orderLineId: string; quantity: number }[],
  files: readonly JobFileView[],
  shipping?: LineShipping,
): TransitionContext {
  const unshipped = items.reduce((sum, item) => {
    const line = shipping?.get(item.orderLineId);
    const remaining = line ? Math.max(0, line.quantity - line.shipped) : item.quantity;
    return sum + Math.min(item.quantity, remaining);
  }, 0);
  const preflight = preflightCounts(files);
  return { preflightErrorCount: preflight.errors, preflightPendingCount: preflight.pending, unshippedQuantity: unshipped, heldFrom: job.heldFrom };
}

export async function lineShipping(tx: Tx, shopId: string, orderLineIds: readonly string[]): Promise<LineShipping> {
  if (orderLineIds.length === 0) return new Map();
  const lines = await tx
    .select({ id: schema.orderLines.id, quantity: schema.orderLines.quantity })
    .from(schema.orderLines)
    .where(and(eq(schema.orderLines.shopId, shopId), inArray(schema.orderLines.id, [...orderLineIds])));
  const shipped = await shippedQuantities(tx, shopId, orderLineIds);
  return new Map(lines.map((line) => [line.id, { quantity: line.quantity, shipped: shipped.get(line.id) ?? 0 }]));
}

export async function loadTransitionContext(tx: Tx, job: { shopId: string; id: string; heldFrom: string | null }): Promise<TransitionContext> {
  const items = await tx
    .select({ orderLineId: schema.jobItems.orderLineId, quantity: schema.jobItems.quantity })
    .from(schema.jobItems)
    .where(and(eq(schema.jobItems.shopId, job.shopId), eq(schema.jobItems.jobId, job.id)));
  const shipping = await lineShipping(tx, job.shopId, items.map((item) => item.orderLineId));
  return transitionContextOf(job, items, await jobFilesOf(tx, job.shopId, [job.id]), shipping);
}
