import type { JobRow } from '../../use-cases/jobs/list-jobs.ts';
import { recentJobLocations, setJobLocation } from '../../use-cases/jobs/set-job-location.ts';
import { createManualOrder } from '../../use-cases/orders/create-manual-order.ts';
import type { GraphQLContext } from './context.ts';
import { requireUuid } from './ids.ts';

interface ManualOrderArgs {
  customerName: string;
  customerEmail?: string | null;
  items: { title: string; quantity: number; sku?: string | null }[];
  dueAt?: Date | null;
  rush?: boolean | null;
  tags?: string[] | null;
  note?: string | null;
}

export const opsResolvers = {
  Job: {
    stageEnteredAt: async (job: JobRow, _: unknown, ctx: GraphQLContext) => {
      const events = await ctx.loaders.eventsOfJob.load(job.id);
      const entered = events.filter((event) => event.toStage === job.stageKey).at(-1);
      return entered?.at ?? job.createdAt;
    },
  },
  Order: {
    events: (order: { id: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.eventsOfOrder.load(order.id),
  },
  Query: {
    jobLocations: (_: unknown, __: unknown, ctx: GraphQLContext) => recentJobLocations(ctx.deps, ctx.principal.shopId),
  },
  Mutation: {
    setJobLocation: async (_: unknown, args: { jobId: string; location?: string | null }, ctx: GraphQLContext) => {
      const jobId = requireUuid(args.jobId, 'jobId');
      await setJobLocation(ctx.deps, { shopId: ctx.principal.shopId, jobId, location: args.location ?? null, actor: ctx.principal.actor });
      ctx.loaders.job.clear(jobId);
      return ctx.loaders.job.load(jobId);
    },
    createManualOrder: async (_: unknown, { input }: { input: ManualOrderArgs }, ctx: GraphQLContext) => {
      const created = await createManualOrder(ctx.deps, {
        shopId: ctx.principal.shopId,
        actor: ctx.principal.actor,
        customerName: input.customerName,
        customerEmail: input.customerEmail ?? null,
        items: input.items,
        dueAt: input.dueAt ?? null,
        rush: input.rush ?? false,
        tags: input.tags ?? [],
        note: input.note ?? null,
      });
      return ctx.loaders.order.load(created.orderId);
    },
  },
};
