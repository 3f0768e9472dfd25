import type { schema } from '@pressline/db';
import { planStages } from '../../domain/index.ts';
import { loadMachineRows, type MachineRow } from '../../use-cases/scheduling/load-plan-input.ts';
import { lockMachineSequence, moveJobInQueue, pinJob } from '../../use-cases/scheduling/operator-overrides.ts';
import { deleteMachine, saveMachine, setMachineState } from '../../use-cases/scheduling/save-machine.ts';
import { saveSetupMatrix, setOrderPromise, setProfileScheduling, updateJobSchedule } from '../../use-cases/scheduling/scheduling-settings.ts';
import { setupMatrixOf, unscheduledJobs } from '../../use-cases/scheduling/scheduling-reads.ts';
import type { GraphQLContext } from './context.ts';
import { isUuid, requireUuid } from './ids.ts';

type JobRow = typeof schema.jobs.$inferSelect;
type OrderRow = typeof schema.orders.$inferSelect;

const MACHINE_STATE = { UP: 'up', DOWN: 'down', MAINTENANCE: 'maintenance' } as const;


async function freshJob(ctx: GraphQLContext, id: string) {
  ctx.loaders.job.clear(id);
  return ctx.loaders.job.load(id);
}

async function freshMachine(ctx: GraphQLContext, id: string) {
  ctx.loaders.machine.clear(id);
  ctx.loaders.queueOfMachine.clear(id);
  return ctx.loaders.machine.load(id);
}

const unscheduledOf = (job: JobRow) => (job.unscheduledReason ? { job, reason: job.unscheduledReason, detail: job.unscheduledDetail ?? '' } : null);

export const schedulingResolvers = {
  MachineState: MACHINE_STATE,
  Query: {
    machines: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => loadMachineRows(tx, ctx.principal.shopId)),
    machine: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      if (!isUuid(args.id)) return null;
      const machine = await ctx.loaders.machine.load(args.id);
      return machine && !machine.deletedAt ? machine : null;
    },
    unscheduledJobs: async (_: unknown, __: unknown, ctx: GraphQLContext) =>
      (await ctx.inShop((tx) => unscheduledJobs(tx, ctx.principal.shopId))).map((job) => unscheduledOf(job)!),
    setupMatrix: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => setupMatrixOf(tx, ctx.principal.shopId)),
  },
  Mutation: {
    saveMachine: (_: unknown, args: { input: { id?: string | null } & Record<string, unknown> }, ctx: GraphQLContext) => {
      const { id, ...fields } = args.input;
      if (id) requireUuid(id, 'id');
      return saveMachine(ctx.deps, { shopId: ctx.principal.shopId, id: id ?? null, fields });
    },
    setMachineState: (_: unknown, args: { id: string; state: string; reason?: string | null }, ctx: GraphQLContext) =>
      setMachineState(ctx.deps, { shopId: ctx.principal.shopId, id: requireUuid(args.id, 'id'), state: args.state, reason: args.reason ?? null }),
    deleteMachine: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      await deleteMachine(ctx.deps, { shopId: ctx.principal.shopId, id: requireUuid(args.id, 'id') });
      return true;
    },
    pinJob: async (_: unknown, args: { jobId: string; machineId: string }, ctx: GraphQLContext) => {
      const jobId = requireUuid(args.jobId, 'jobId');
      await pinJob(ctx.deps, { shopId: ctx.principal.shopId, jobId, machineId: requireUuid(args.machineId, 'machineId'), actor: ctx.principal.actor });
      return freshJob(ctx, jobId);
    },
    unpinJob: async (_: unknown, args: { jobId: string }, ctx: GraphQLContext) => {
      const jobId = requireUuid(args.jobId, 'jobId');
      await pinJob(ctx.deps, { shopId: ctx.principal.shopId, jobId, machineId: null, actor: ctx.principal.actor });
      return freshJob(ctx, jobId);
    },
    lockMachineSequence: async (_: unknown, args: { machineId: string; locked: boolean }, ctx: GraphQLContext) => {
      const machineId = requireUuid(args.machineId, 'machineId');
      await lockMachineSequence(ctx.deps, { shopId: ctx.principal.shopId, machineId, locked: args.locked });
      return freshMachine(ctx, machineId);
    },
    moveJobInQueue: async (_: unknown, args: { jobId: string; machineId: string; position: number }, ctx: GraphQLContext) => {
      const machineId = requireUuid(args.machineId, 'machineId');
      await moveJobInQueue(ctx.deps, { shopId: ctx.principal.shopId, jobId: requireUuid(args.jobId, 'jobId'), machineId, position: args.position, actor: ctx.principal.actor });
      return freshMachine(ctx, machineId);
    },
    updateJobSchedule: async (_: unknown, args: { jobId: string; input: { dueAt?: Date | null; rush?: boolean | null; priority?: number | null } }, ctx: GraphQLContext) => {
      const jobId = requireUuid(args.jobId, 'jobId');
      await updateJobSchedule(ctx.deps, { shopId: ctx.principal.shopId, jobId, ...args.input, actor: ctx.principal.actor });
      return freshJob(ctx, jobId);
    },
    setOrderPromise: (_: unknown, args: { orderId: string; promisedAt?: Date | null }, ctx: GraphQLContext) =>
      setOrderPromise(ctx.deps, { shopId: ctx.principal.shopId, orderId: requireUuid(args.orderId, 'orderId'), promisedAt: args.promisedAt ?? null }),
    setProfileScheduling: (
      _: unknown,
      args: { profileId: string; input: { timeModel?: unknown; requiredCapabilities?: string[] | null; setupFamily?: string | null } },
      ctx: GraphQLContext,
    ) => setProfileScheduling(ctx.deps, { shopId: ctx.principal.shopId, profileId: requireUuid(args.profileId, 'profileId'), ...args.input }),
    saveSetupMatrix: (_: unknown, args: { matrix: unknown }, ctx: GraphQLContext) => saveSetupMatrix(ctx.deps, { shopId: ctx.principal.shopId, matrix: args.matrix }),
  },
  Machine: {
    sequenceLocked: (machine: MachineRow) => machine.lockedSequence !== null,
    queue: async (machine: MachineRow, _: unknown, ctx: GraphQLContext) => {
      const [rows, workflow] = await Promise.all([ctx.loaders.queueOfMachine.load(machine.id), ctx.workflow()]);
      const { running } = planStages(workflow);
      return rows.map((job) => ({
        job,
        sequence: job.sequence,
        plannedStart: job.plannedStart,
        plannedEnd: job.plannedEnd,
        setupMinutes: job.setupMinutes,
        durationMinutes: job.durationMinutes,
        running: job.stageKey === running,
      }));
    },
  },
  Job: {
    eta: (job: JobRow) => job.plannedEnd,
    machine: (job: JobRow, _: unknown, ctx: GraphQLContext) => (job.machineId ? ctx.loaders.machine.load(job.machineId) : null),
    pinnedMachine: (job: JobRow, _: unknown, ctx: GraphQLContext) => (job.pinnedMachineId ? ctx.loaders.machine.load(job.pinnedMachineId) : null),
    unscheduled: (job: JobRow) => unscheduledOf(job),
  },
  Order: {
    delayed: (order: OrderRow) => order.eta !== null && order.promisedAt !== null && order.eta.getTime() > order.promisedAt.getTime(),
  },
};
