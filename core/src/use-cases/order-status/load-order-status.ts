import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { customerStatusOf, deriveOrderStatus, type OrderStatus, type StatusJob, type Workflow } from '../../domain/index.ts';
import { shipmentsOfOrder } from '../shipments/shipment-reads.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';

export type OrderRow = typeof schema.orders.$inferSelect;

/** What is known of one order's production: its workflow, lines, live jobs with their items, and shipments. */
export interface OrderReads {
  workflow: Workflow;
  lines: (typeof schema.orderLines.$inferSelect)[];
  jobs: (typeof schema.jobs.$inferSelect)[];
  items: (typeof schema.jobItems.$inferSelect)[];
  shipments: Awaited<ReturnType<typeof shipmentsOfOrder>>;
}

/** Reads an order's production in the caller's transaction: lines in order, jobs by number. */
export async function readOrder(tx: Tx, shopId: string, order: OrderRow): Promise<OrderReads> {
  const workflow = await loadShopWorkflow(tx, shopId);
  const lines = await tx
    .select()
    .from(schema.orderLines)
    .where(and(eq(schema.orderLines.shopId, shopId), eq(schema.orderLines.orderId, order.id)))
    .orderBy(asc(schema.orderLines.createdAt), asc(schema.orderLines.id));
  const jobs = await tx
    .select()
    .from(schema.jobs)
    .where(and(eq(schema.jobs.shopId, shopId), eq(schema.jobs.orderId, order.id), isNull(schema.jobs.deletedAt)))
    .orderBy(asc(schema.jobs.number));
  const jobIds = jobs.map((job) => job.id);
  const items = jobIds.length === 0 ? [] : await tx.select().from(schema.jobItems).where(and(eq(schema.jobItems.shopId, shopId), inArray(schema.jobItems.jobId, jobIds)));
  const shipments = await shipmentsOfOrder(tx, shopId, order.id);
  return { workflow, lines, jobs, items, shipments };
}

/**
 * Everything the customer-status mapping looks at for one order, read in the caller's
 * transaction, and the status it yields. The ETA is the live schedule's (`orders.eta`);
 * the promise is the order's own, else the latest due date of its jobs.
 */
export async function loadOrderStatus(tx: Tx, shopId: string, order: OrderRow): Promise<OrderStatus> {
  return orderStatusOf(tx, shopId, order, await readOrder(tx, shopId, order));
}

/** The order's customer status from what was read of it (a held job's reason comes from its audit trail). */
export async function orderStatusOf(tx: Tx, shopId: string, order: OrderRow, reads: OrderReads): Promise<OrderStatus> {
  const { workflow, lines, jobs, items, shipments } = reads;
  const heldIds = jobs.filter((job) => customerStatusOf(workflow, job.stageKey) === 'on_hold').map((job) => job.id);
  const holdEvents =
    heldIds.length === 0
      ? []
      : await tx
          .select({ jobId: schema.jobEvents.jobId, note: schema.jobEvents.note, toStage: schema.jobEvents.toStage })
          .from(schema.jobEvents)
          .where(and(eq(schema.jobEvents.shopId, shopId), inArray(schema.jobEvents.jobId, heldIds), eq(schema.jobEvents.kind, 'transition')))
          .orderBy(desc(schema.jobEvents.id));

  const statusJobs: StatusJob[] = jobs.map((job) => ({
    customerStatus: customerStatusOf(workflow, job.stageKey) ?? 'received',
    holdReason: holdEvents.find((event) => event.jobId === job.id && event.toStage === job.stageKey)?.note ?? null,
    items: items.filter((item) => item.jobId === job.id).map((item) => ({ orderLineId: item.orderLineId, quantity: item.quantity })),
  }));
  const dueDates = jobs.map((job) => job.dueAt?.getTime()).filter((time): time is number => time !== undefined);
  return deriveOrderStatus({
    cancelled: order.status === 'cancelled',
    lines: lines.map((line) => ({ id: line.id, quantity: line.quantity })),
    jobs: statusJobs,
    shipments: shipments.map((shipment) => ({ kind: shipment.kind, status: shipment.status, lines: shipment.lines })),
    eta: order.eta,
    promisedAt: order.promisedAt ?? (dueDates.length === 0 ? null : new Date(Math.max(...dueDates))),
  });
}
