import DataLoader from 'dataloader';
import type { LineAccount } from '../../domain/index.ts';
import * as runs from '../../use-cases/gangup/run-reads.ts';
import type { GraphQLContext } from './context.ts';

type Loaders = ReturnType<typeof create>;

const perRequest = new WeakMap<GraphQLContext, Loaders>();

/** Per-request batching for gang-up fields, kept beside the feature rather than in the shared context. */
export function gangLoaders(ctx: GraphQLContext): Loaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = create(ctx)));
  return loaders;
}

function create(ctx: GraphQLContext) {
  const shopId = ctx.principal.shopId;
  const many = <R>(load: (ids: readonly string[]) => Promise<R[]>, keyOf: (row: R) => string) =>
    new DataLoader<string, R[]>(async (keys) => {
      const rows = await load(keys);
      const grouped = new Map<string, R[]>();
      for (const row of rows) grouped.set(keyOf(row), [...(grouped.get(keyOf(row)) ?? []), row]);
      return keys.map((key) => grouped.get(key) ?? []);
    });
  return {
    run: new DataLoader<string, runs.GangRunRow | null>(async (ids) => {
      const rows = await ctx.inShop((tx) => runs.runsByIds(tx, shopId, ids));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    itemsOfRun: many((ids) => ctx.inShop((tx) => runs.runItems(tx, shopId, ids)), (row) => row.runId),
    placementsOfRun: many((ids) => ctx.inShop((tx) => runs.runPlacements(tx, shopId, ids)), (row) => row.runId),
    outputsOfRun: many((ids) => ctx.inShop((tx) => runs.runOutputs(tx, shopId, ids)), (row) => row.runId),
    jobsOfRun: many((ids) => ctx.inShop((tx) => runs.runJobIds(tx, shopId, ids)), (row) => row.runId),
    runsOfJob: many((ids) => ctx.inShop((tx) => runs.runsOfJobs(tx, shopId, ids)), (row) => row.jobId),
    production: new DataLoader<string, LineAccount | null>(async (ids) => {
      const accounts = await ctx.inShop((tx) => runs.lineAccounts(tx, shopId, ids));
      return ids.map((id) => accounts.get(id) ?? null);
    }),
  };
}
