import { GraphQLScalarType, Kind } from 'graphql';
import type { schema } from '@pressline/db';
import { fileReferencesOf, formatJobNumber, nextStages, stageByKey, type Stage, type Workflow } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import { listJobs, type JobFilter } from '../../use-cases/jobs/list-jobs.ts';
import { lineShipping, transitionContextOf } from '../../use-cases/jobs/transition-context.ts';
import { transitionJob } from '../../use-cases/jobs/transition-job.ts';
import { listOrders, type OrderFilter } from '../../use-cases/orders/list-orders.ts';
import { updateWorkflow } from '../../use-cases/shops/update-workflow.ts';
import { transitionOutput, workflowFromInput, type WorkflowInput } from './workflow-input.ts';
import type { GraphQLContext } from './context.ts';
import { isUuid } from './ids.ts';

type JobRow = typeof schema.jobs.$inferSelect;
type OrderRow = typeof schema.orders.$inferSelect;
type LineRow = typeof schema.orderLines.$inferSelect;
type ItemRow = typeof schema.jobItems.$inferSelect;
type EventRow = typeof schema.jobEvents.$inferSelect;

const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDate(ast.value) : invalidDate()),
});

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? invalidDate() : date;
}

function invalidDate(): never {
  throw new BadRequestError('DateTime must be an ISO 8601 string');
}

/** A stage key the workflow no longer has still shows, rather than breaking the board. */
function stageOrPlaceholder(stage: Stage | undefined, key: string): Stage {
  return stage ?? { key, label: key, category: 'queued', customerStatus: 'received' };
}

const ORDER_STATUS = { OPEN: 'open', CANCELLED: 'cancelled' } as const;

export const resolvers = {
  DateTime,
  OrderStatus: ORDER_STATUS,
  Query: {
    orders: (_: unknown, args: { first: number; after?: string | null; filter?: OrderFilter | null }, ctx: GraphQLContext) =>
      ctx.inShop((tx) => listOrders(tx, { shopId: ctx.principal.shopId, ...args })).then(toConnection),
    jobs: async (_: unknown, args: { first: number; after?: string | null; filter?: (JobFilter & { open?: boolean | null }) | null }, ctx: GraphQLContext) => {
      const { open, ...filter } = args.filter ?? {};
      const stages = open ? (await ctx.workflow()).stages.filter((stage) => stage.category !== 'done' && stage.category !== 'cancelled').map((stage) => stage.key) : null;
      return ctx.inShop((tx) => listJobs(tx, { shopId: ctx.principal.shopId, first: args.first, after: args.after ?? null, filter: { ...filter, stages } })).then(toConnection);
    },
    job: (_: unknown, args: { id: string }, ctx: GraphQLContext) => (isUuid(args.id) ? ctx.loaders.job.load(args.id) : null),
    order: (_: unknown, args: { id: string }, ctx: GraphQLContext) => (isUuid(args.id) ? ctx.loaders.order.load(args.id) : null),
    workflow: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.workflow(),
  },
  Mutation: {
    transitionJob: async (_: unknown, args: { id: string; to: string; note?: string | null; expectedStage?: string | null }, ctx: GraphQLContext) => {
      if (!isUuid(args.id)) throw new BadRequestError('Invalid job id');
      await transitionJob(ctx.deps, { shopId: ctx.principal.shopId, jobId: args.id, ...args, actor: ctx.principal.actor });
      ctx.loaders.job.clear(args.id);
      return ctx.loaders.job.load(args.id);
    },
    updateWorkflow: (_: unknown, args: { input: WorkflowInput }, ctx: GraphQLContext) =>
      updateWorkflow(ctx.deps, { shopId: ctx.principal.shopId, workflow: workflowFromInput(args.input) }),
  },
  Workflow: {
    transitions: (workflow: Workflow) => workflow.transitions.map(transitionOutput),
  },
  Order: {
    total: (order: OrderRow) => ({ amountMinor: order.totalMinor, currency: order.currency }),
    lines: (order: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.linesOfOrder.load(order.id),
    jobs: (order: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.jobsOfOrder.load(order.id),
  },
  OrderLine: {
    files: (line: LineRow) => fileReferencesOf(line.properties),
    order: (line: LineRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.order.load(line.orderId),
  },
  Job: {
    number: (job: JobRow) => formatJobNumber(job.number),
    stage: async (job: JobRow, _: unknown, ctx: GraphQLContext) => stageOrPlaceholder(stageByKey(await ctx.workflow(), job.stageKey), job.stageKey),
    nextStages: async (job: JobRow, _: unknown, ctx: GraphQLContext) => {
      const [workflow, items, files] = await Promise.all([ctx.workflow(), ctx.loaders.itemsOfJob.load(job.id), ctx.loaders.filesOfJob.load(job.id)]);
      const shipping = await ctx.inShop((tx) => lineShipping(tx, ctx.principal.shopId, items.map((item) => item.orderLineId)));
      return nextStages(workflow, job.stageKey, transitionContextOf(job, items, files, shipping));
    },
    order: (job: JobRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.order.load(job.orderId),
    items: (job: JobRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.itemsOfJob.load(job.id),
    events: (job: JobRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.eventsOfJob.load(job.id),
  },
  JobItem: {
    orderLine: (item: ItemRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.line.load(item.orderLineId),
  },
  JobEvent: {
    from: (event: EventRow) => event.fromStage,
    to: (event: EventRow) => event.toStage,
  },
};

function toConnection<T>(page: { nodes: T[]; endCursor: string | null; hasNextPage: boolean }) {
  return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
}
