import type { JobRow } from '../../use-cases/jobs/list-jobs.ts';
import { createManualOrder } from '../../use-cases/orders/create-manual-order.ts';
import type { GraphQLContext } from './context.ts';

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
  Mutation: {
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
