import { and, eq, sql } from 'drizzle-orm';
import { schema, type QueueClient, type Tx } from '@pressline/db';
import { asJobId, asOrderLineId, jobCreatedEvent, planStages, splitOrder } from '../../domain/index.ts';
import { queuePlan } from '../scheduling/queue-plan.ts';
import { attachLineFiles } from '../preflight/attach-line-files.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { loadSplitRules } from '../split-rules/split-rules.ts';
import { allocateJobNumbers } from './allocate-job-numbers.ts';
import { insertJobEvents } from './insert-job-events.ts';

export interface CreateJobsInput {
  shopId: string;
  orderId: string;
  actor: string;
  at: Date;
  /** Queues the new jobs' files for preflight in this transaction. */
  boss: QueueClient;
}

/**
 * Splits an order's lines into jobs under the shop's split rules. Idempotent: the order
 * row is locked first and lines already in a job are kept out, so a replayed or
 * concurrent delivery of the same order creates nothing twice.
 */
export async function createJobsForOrder(tx: Tx, input: CreateJobsInput): Promise<{ created: number }> {
  const { shopId, orderId } = input;
  await tx.execute(sql`select 1 from ${schema.orders} where ${schema.orders.shopId} = ${shopId} and ${schema.orders.id} = ${orderId} for update`);

  const lines = await tx
    .select()
    .from(schema.orderLines)
    .where(and(eq(schema.orderLines.shopId, shopId), eq(schema.orderLines.orderId, orderId)))
    .orderBy(schema.orderLines.createdAt, schema.orderLines.externalId);
  const existing = await tx
    .select({ splitKey: schema.jobs.splitKey, orderLineId: schema.jobItems.orderLineId })
    .from(schema.jobs)
    .leftJoin(schema.jobItems, and(eq(schema.jobItems.shopId, schema.jobs.shopId), eq(schema.jobItems.jobId, schema.jobs.id)))
    .where(and(eq(schema.jobs.shopId, shopId), eq(schema.jobs.orderId, orderId)));
  const done = new Set(existing.map((job) => job.splitKey));
  // A line already in a job is never planned again: split rules saved since the order was
  // first split would give it other keys, and a later version of the order would make it twice.
  const covered = new Set(existing.flatMap((job) => (job.orderLineId ? [job.orderLineId] : [])));
  const rules = await loadSplitRules(tx, shopId);

  const plans = splitOrder({
    lines: lines.filter((line) => !covered.has(line.id)).map((line) => ({
      id: asOrderLineId(line.id),
      externalId: line.externalId,
      title: line.variantTitle ? `${line.title} — ${line.variantTitle}` : line.title,
      quantity: line.quantity,
      sku: line.sku,
      productExternalId: line.productExternalId,
      variantExternalId: line.variantExternalId,
    })),
    rules,
  }).filter((plan) => !done.has(plan.splitKey));
  if (plans.length === 0) return { created: 0 };

  const numbers = await allocateJobNumbers(tx, shopId, plans.length);
  // Read after the allocation's lock on the shop row, so a workflow saved meanwhile is the one used.
  const workflow = await loadShopWorkflow(tx, shopId);
  const stage = workflow.initialStage;
  const inserted = await tx
    .insert(schema.jobs)
    .values(plans.map((plan, i) => ({ shopId, orderId, number: numbers[i]!, splitKey: plan.splitKey, title: plan.title, stageKey: stage })))
    .returning({ id: schema.jobs.id, splitKey: schema.jobs.splitKey });
  const jobIdByKey = new Map(inserted.map((job) => [job.splitKey, job.id]));

  await tx.insert(schema.jobItems).values(
    plans.flatMap((plan) =>
      plan.items.map((item) => ({ shopId, jobId: jobIdByKey.get(plan.splitKey)!, orderLineId: item.orderLineId, quantity: item.quantity })),
    ),
  );
  await insertJobEvents(
    tx,
    shopId,
    inserted.map((job) => jobCreatedEvent({ jobId: asJobId(job.id), at: input.at, actor: input.actor, stage })),
  );
  const linesById = new Map(lines.map((line) => [line.id, line]));
  await attachLineFiles(
    tx,
    input.boss,
    shopId,
    plans.map((plan) => ({ jobId: jobIdByKey.get(plan.splitKey)!, lines: plan.items.map((item) => linesById.get(item.orderLineId)!) })),
  );
  // A workflow that starts jobs in a planned stage puts them on the schedule at once.
  if (planStages(workflow).queued.includes(stage)) await queuePlan(tx, input.boss, shopId);
  return { created: inserted.length };
}
