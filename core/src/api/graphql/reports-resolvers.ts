import { machineBottlenecks, type MachineBottleneck } from '../../use-cases/reports/machine-reports.ts';
import { bottlenecks, stageTimes } from '../../use-cases/reports/stage-reports.ts';
import { onTimeRate, throughputPerDay, turnaroundByProduct } from '../../use-cases/reports/flow-reports.ts';
import { reportWindow } from '../../use-cases/reports/report-window.ts';
import type { GraphQLContext } from './context.ts';

interface WindowArgs {
  since?: Date | null;
  until?: Date | null;
}

async function stagesOf(ctx: GraphQLContext, categories: readonly string[]): Promise<string[]> {
  return (await ctx.workflow()).stages.filter((stage) => categories.includes(stage.category)).map((stage) => stage.key);
}

export const reportsResolvers = {
  Query: {
    stageTimesReport: (_: unknown, args: WindowArgs, ctx: GraphQLContext) => {
      const window = reportWindow(ctx.deps.clock(), args);
      return ctx.inShop((tx) => stageTimes(tx, ctx.principal.shopId, window));
    },
    bottlenecksReport: async (_: unknown, args: WindowArgs, ctx: GraphQLContext) => {
      const now = ctx.deps.clock();
      const window = reportWindow(now, args);
      const finished = await stagesOf(ctx, ['done', 'cancelled']);
      return ctx.inShop((tx) => bottlenecks(tx, ctx.principal.shopId, window, now, finished));
    },
    machineBottlenecksReport: async (_: unknown, args: WindowArgs, ctx: GraphQLContext) => {
      const window = reportWindow(ctx.deps.clock(), args);
      const [queued, active] = await Promise.all([stagesOf(ctx, ['queued']), stagesOf(ctx, ['active'])]);
      return ctx.inShop((tx) => machineBottlenecks(tx, ctx.principal.shopId, { window, queued, active }));
    },
    throughputReport: async (_: unknown, args: WindowArgs, ctx: GraphQLContext) => {
      const window = reportWindow(ctx.deps.clock(), args);
      const done = await stagesOf(ctx, ['done']);
      return ctx.inShop((tx) => throughputPerDay(tx, ctx.principal.shopId, window, done));
    },
    onTimeReport: async (_: unknown, args: WindowArgs, ctx: GraphQLContext) => {
      const window = reportWindow(ctx.deps.clock(), args);
      const done = await stagesOf(ctx, ['done']);
      return ctx.inShop((tx) => onTimeRate(tx, ctx.principal.shopId, window, done));
    },
    turnaroundReport: async (_: unknown, args: WindowArgs, ctx: GraphQLContext) => {
      const window = reportWindow(ctx.deps.clock(), args);
      const done = await stagesOf(ctx, ['done']);
      return ctx.inShop((tx) => turnaroundByProduct(tx, ctx.principal.shopId, window, done));
    },
  },
  MachineBottleneck: {
    machine: (row: MachineBottleneck, _: unknown, ctx: GraphQLContext) => ctx.loaders.machine.load(row.machineId),
  },
};
