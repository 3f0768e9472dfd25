import type { GangTarget } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import { advanceGangRun } from '../../use-cases/gangup/advance-gang-run.ts';
import { createGangRun } from '../../use-cases/gangup/create-gang-run.ts';
import { gangCandidates } from '../../use-cases/gangup/gang-candidates.ts';
import { loadGangRules, saveGangRules, type ShopGangRules } from '../../use-cases/gangup/gang-rules.ts';
import { imposeGangRunNow, runLabel } from '../../use-cases/gangup/impose-gang-run.ts';
import { recordGangRunResult } from '../../use-cases/gangup/record-gang-run-result.ts';
import { removeGangRunLine } from '../../use-cases/gangup/remove-gang-run-line.ts';
import { listGangRuns, type GangRunItemRow, type GangRunPlacementRow, type GangRunRow } from '../../use-cases/gangup/run-reads.ts';
import { updateGangRunPlacements, type PlacementOverride } from '../../use-cases/gangup/update-gang-run-placements.ts';
import type { GraphQLContext } from './context.ts';
import { gangLoaders } from './gangup-loaders.ts';
import { isUuid, requireUuid } from './ids.ts';

const STATUS = { PLANNED: 'planned', RUNNING: 'running', FINISHED: 'finished', CANCELLED: 'cancelled' } as const;

interface TargetInput {
  kind: string;
  width: number;
  height?: number | null;
}

interface ChangeInput {
  kind: string;
  placementId?: string | null;
  runItemId?: string | null;
  jobItemId?: string | null;
  sheet?: number | null;
  x?: number | null;
  y?: number | null;
  rotated?: boolean | null;
}

function targetOf(input: TargetInput): GangTarget {
  if (input.kind === 'roll') return { kind: 'roll', width: input.width };
  if (input.kind !== 'sheet' && input.kind !== 'plate') throw new BadRequestError('target.kind must be sheet, roll or plate');
  if (input.height === null || input.height === undefined) throw new BadRequestError(`target.height is needed for a ${input.kind}`);
  return { kind: input.kind, width: input.width, height: input.height };
}

function changeOf(change: ChangeInput, i: number): PlacementOverride {
  const at = `changes[${i}]`;
  const need = <T>(value: T | null | undefined, field: string): T => {
    if (value === null || value === undefined) throw new BadRequestError(`${at}.${field} is needed for ${change.kind}`);
    return value;
  };
  switch (change.kind) {
    case 'move':
      return { kind: 'move', placementId: requireUuid(need(change.placementId, 'placementId'), 'placementId'), sheet: change.sheet ?? null, x: need(change.x, 'x'), y: need(change.y, 'y'), rotated: change.rotated ?? null };
    case 'remove':
      return { kind: 'remove', placementId: requireUuid(need(change.placementId, 'placementId'), 'placementId') };
    case 'add':
      return {
        kind: 'add',
        runItemId: change.runItemId ? requireUuid(change.runItemId, 'runItemId') : null,
        jobItemId: change.jobItemId ? requireUuid(change.jobItemId, 'jobItemId') : null,
        sheet: need(change.sheet, 'sheet'),
        x: need(change.x, 'x'),
        y: need(change.y, 'y'),
        rotated: change.rotated ?? null,
      };
    default:
      throw new BadRequestError(`${at}.kind must be move, remove or add`);
  }
}

/** Re-reads a run after a change, past this request's cache. */
function fresh(ctx: GraphQLContext, runId: string) {
  const loaders = gangLoaders(ctx);
  for (const loader of [loaders.run, loaders.itemsOfRun, loaders.placementsOfRun, loaders.outputsOfRun, loaders.jobsOfRun]) loader.clear(runId);
  return loaders.run.load(runId);
}

const advance = (step: 'start' | 'finish' | 'cancel') => async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
  await advanceGangRun(ctx.deps, { shopId: ctx.principal.shopId, runId: requireUuid(args.id, 'id'), actor: ctx.principal.actor }, step);
  return fresh(ctx, args.id);
};

export const gangupResolvers = {
  GangRunStatus: STATUS,
  Query: {
    gangCandidates: (_: unknown, __: unknown, ctx: GraphQLContext) => gangCandidates(ctx.deps, { shopId: ctx.principal.shopId }),
    gangRun: (_: unknown, args: { id: string }, ctx: GraphQLContext) => (isUuid(args.id) ? gangLoaders(ctx).run.load(args.id) : null),
    gangRuns: (_: unknown, args: { status?: GangRunRow['status'] | null; first: number }, ctx: GraphQLContext) => ctx.inShop((tx) => listGangRuns(tx, ctx.principal.shopId, args)),
    gangRules: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => loadGangRules(tx, ctx.principal.shopId)),
  },
  Mutation: {
    createGangRun: async (_: unknown, args: { input: { jobIds: string[]; target: TargetInput; gutter?: number | null; bleed?: number | null; allowRotation?: boolean | null } }, ctx: GraphQLContext) => {
      const { input } = args;
      const { runId } = await createGangRun(ctx.deps, {
        shopId: ctx.principal.shopId,
        jobIds: input.jobIds.map((jobId) => requireUuid(jobId, 'jobIds')),
        target: targetOf(input.target),
        gutter: input.gutter ?? null,
        bleed: input.bleed ?? null,
        allowRotation: input.allowRotation ?? null,
        actor: ctx.principal.actor,
      });
      return fresh(ctx, runId);
    },
    updateGangRunPlacements: async (_: unknown, args: { id: string; changes: ChangeInput[] }, ctx: GraphQLContext) => {
      await updateGangRunPlacements(ctx.deps, { shopId: ctx.principal.shopId, runId: requireUuid(args.id, 'id'), changes: args.changes.map(changeOf), actor: ctx.principal.actor });
      return fresh(ctx, args.id);
    },
    removeOrderLineFromGangRun: async (_: unknown, args: { id: string; orderLineId: string; repack: boolean }, ctx: GraphQLContext) => {
      await removeGangRunLine(ctx.deps, { shopId: ctx.principal.shopId, runId: requireUuid(args.id, 'id'), orderLineId: requireUuid(args.orderLineId, 'orderLineId'), repack: args.repack, actor: ctx.principal.actor });
      return fresh(ctx, args.id);
    },
    imposeGangRun: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      await imposeGangRunNow(ctx.deps, { shopId: ctx.principal.shopId, runId: requireUuid(args.id, 'id') });
      return fresh(ctx, args.id);
    },
    startGangRun: advance('start'),
    finishGangRun: advance('finish'),
    cancelGangRun: advance('cancel'),
    recordGangRunResult: async (_: unknown, args: { id: string; spoiled: { orderLineId: string; copies: number }[]; note?: string | null }, ctx: GraphQLContext) => {
      const spoiled = args.spoiled.map((entry) => ({ orderLineId: requireUuid(entry.orderLineId, 'spoiled.orderLineId'), copies: entry.copies }));
      await recordGangRunResult(ctx.deps, { shopId: ctx.principal.shopId, runId: requireUuid(args.id, 'id'), spoiled, note: args.note ?? null, actor: ctx.principal.actor });
      return fresh(ctx, args.id);
    },
    saveGangRules: async (_: unknown, args: { input: Partial<ShopGangRules> }, ctx: GraphQLContext) => {
      const workflow = await ctx.workflow();
      return ctx.inShop((tx) => saveGangRules(tx, ctx.principal.shopId, args.input, new Set(workflow.stages.map((stage) => stage.key)), ctx.deps.clock()));
    },
  },
  GangCandidateGroup: {
    jobs: (group: { jobIds: string[] }, _: unknown, ctx: GraphQLContext) => ctx.loaders.job.loadMany(group.jobIds),
  },
  ExcludedGangJob: {
    job: (excluded: { jobId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.job.load(excluded.jobId),
  },
  GangRun: {
    label: (run: GangRunRow) => runLabel(run),
    target: (run: GangRunRow) => run.target,
    gutter: (run: GangRunRow) => run.gutterMm,
    bleed: (run: GangRunRow) => run.bleedMm,
    rollLength: (run: GangRunRow) => run.rollLengthMm,
    jobs: async (run: GangRunRow, _: unknown, ctx: GraphQLContext) => {
      const rows = await gangLoaders(ctx).jobsOfRun.load(run.id);
      return (await ctx.loaders.job.loadMany(rows.map((row) => row.jobId))).filter((job) => job && !(job instanceof Error));
    },
    items: (run: GangRunRow, _: unknown, ctx: GraphQLContext) => gangLoaders(ctx).itemsOfRun.load(run.id),
    placements: async (run: GangRunRow, args: { sheet?: number | null }, ctx: GraphQLContext) => {
      const rows = await gangLoaders(ctx).placementsOfRun.load(run.id);
      return args.sheet === null || args.sheet === undefined ? rows : rows.filter((row) => row.sheet === args.sheet);
    },
    outputs: (run: GangRunRow, _: unknown, ctx: GraphQLContext) => gangLoaders(ctx).outputsOfRun.load(run.id),
  },
  GangRunItem: {
    job: (item: GangRunItemRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.job.load(item.jobId),
    orderLine: (item: GangRunItemRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.line.load(item.orderLineId),
    width: (item: GangRunItemRow) => item.widthMm,
    height: (item: GangRunItemRow) => item.heightMm,
  },
  GangPlacement: {
    item: async (placement: GangRunPlacementRow, _: unknown, ctx: GraphQLContext) => (await gangLoaders(ctx).itemsOfRun.load(placement.runId)).find((item) => item.id === placement.runItemId),
    job: (placement: GangRunPlacementRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.job.load(placement.jobId),
    orderLine: (placement: GangRunPlacementRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.line.load(placement.orderLineId),
  },
  OrderLine: {
    production: async (line: { id: string; quantity: number }, _: unknown, ctx: GraphQLContext) =>
      (await gangLoaders(ctx).production.load(line.id)) ?? { ordered: line.quantity, made: 0, spoiled: 0, remade: 0, inProduction: 0, owed: line.quantity, unplanned: line.quantity },
  },
  Job: {
    gangRuns: async (job: { id: string }, _: unknown, ctx: GraphQLContext) => (await gangLoaders(ctx).runsOfJob.load(job.id)).map((row) => row.run),
  },
};
