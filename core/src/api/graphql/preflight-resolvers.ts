import type { schema } from '@pressline/db';
import { defaultRules, PROCESSES } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import { readUploadedFile } from '../uploaded-file.ts';
import type { JobFileView } from '../../use-cases/preflight/job-file-reads.ts';
import { acceptPreflightWarning } from '../../use-cases/preflight/accept-warning.ts';
import { uploadJobFile } from '../../use-cases/preflight/upload-job-file.ts';
import { moveProductionProfile } from '../../use-cases/profiles/move-profile.ts';
import { deleteProductionProfile, listProductionProfiles, profileRules, saveProductionProfile, type ProfileRow, type SaveProfileInput } from '../../use-cases/profiles/save-profile.ts';
import type { GraphQLContext } from './context.ts';
import { requireUuid } from './ids.ts';
import { JSONScalar } from './json-scalar.ts';

type JobRow = typeof schema.jobs.$inferSelect;

const JOB_FILE_ROLE = { DESIGN: 'design', PROOF: 'proof', PHOTO: 'photo' } as const;

const MOVE = { UP: 'up', DOWN: 'down' } as const;

const STATUS = { PENDING: 'pending', PASSED: 'passed', WARNINGS: 'warnings', FAILED: 'failed' } as const;

async function jobFile(ctx: GraphQLContext, jobId: string, fileId: string): Promise<JobFileView> {
  ctx.loaders.filesOfJob.clear(jobId);
  const files = await ctx.loaders.filesOfJob.load(jobId);
  const view = files.find((file) => file.file.id === fileId);
  if (!view) throw new Error(`file ${fileId} of job ${jobId} vanished`);
  return view;
}


export const preflightResolvers = {
  JSON: JSONScalar,
  PreflightStatus: STATUS,
  JobFileRole: JOB_FILE_ROLE,
  ProfileMoveDirection: MOVE,
  Query: {
    productionProfiles: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => listProductionProfiles(tx, ctx.principal.shopId)),
    processDefaults: (_: unknown, args: { process: string }) => {
      const process = PROCESSES.find((known) => known === args.process);
      if (!process) throw new BadRequestError(`process: one of ${PROCESSES.join(', ')}`);
      return defaultRules[process];
    },
  },
  Mutation: {
    uploadJobFile: async (_: unknown, args: { jobId: string; file: File; replaces?: string | null; role?: 'design' | 'proof' | 'photo' | null }, ctx: GraphQLContext) => {
      const jobId = requireUuid(args.jobId, 'jobId');
      if (args.replaces) requireUuid(args.replaces, 'replaces');
      const { name, bytes } = await readUploadedFile(args.file);
      const { fileId } = await uploadJobFile(ctx.deps, {
        shopId: ctx.principal.shopId,
        jobId,
        name,
        bytes,
        replaces: args.replaces ?? null,
        source: 'operator',
        role: args.role ?? 'design',
        actor: ctx.principal.actor,
      });
      return jobFile(ctx, jobId, fileId);
    },
    acceptPreflightWarning: async (_: unknown, args: { jobId: string; fileId: string; code: string; note?: string | null }, ctx: GraphQLContext) => {
      const jobId = requireUuid(args.jobId, 'jobId');
      const fileId = requireUuid(args.fileId, 'fileId');
      await acceptPreflightWarning(ctx.deps, { shopId: ctx.principal.shopId, jobId, fileId, code: args.code, note: args.note ?? null, actor: ctx.principal.actor });
      return jobFile(ctx, jobId, fileId);
    },
    saveProductionProfile: (_: unknown, args: { input: Omit<SaveProfileInput, 'shopId'> }, ctx: GraphQLContext) => {
      if (args.input.id) requireUuid(args.input.id, 'input.id');
      return saveProductionProfile(ctx.deps, { ...args.input, shopId: ctx.principal.shopId });
    },
    deleteProductionProfile: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      await deleteProductionProfile(ctx.deps, { shopId: ctx.principal.shopId, id: requireUuid(args.id, 'id') });
      return true;
    },
    moveProductionProfile: (_: unknown, args: { id: string; direction: 'up' | 'down' }, ctx: GraphQLContext) =>
      moveProductionProfile(ctx.deps, { shopId: ctx.principal.shopId, id: requireUuid(args.id, 'id'), direction: args.direction }),
  },
  Job: {
    files: (job: JobRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.filesOfJob.load(job.id),
    preflightStatus: async (job: JobRow, _: unknown, ctx: GraphQLContext) => {
      const files = (await ctx.loaders.filesOfJob.load(job.id)).filter((view) => view.role === 'design');
      if (files.some((view) => view.report?.status === 'failed')) return 'failed';
      if (files.some((view) => !view.report)) return 'pending';
      return files.some((view) => view.report?.status === 'warnings') ? 'warnings' : 'passed';
    },
  },
  JobFile: {
    id: (view: JobFileView) => view.file.id,
    name: (view: JobFileView) => view.file.name,
    kind: (view: JobFileView) => view.report?.kind ?? view.file.kind,
    source: (view: JobFileView) => view.file.source,
    status: (view: JobFileView) => view.file.status,
    failure: (view: JobFileView) => view.file.failure,
    sizeBytes: (view: JobFileView) => view.file.sizeBytes,
    thumbnail: async (view: JobFileView, _: unknown, ctx: GraphQLContext) => {
      const png = view.file.thumbnailSha256 ? await ctx.deps.files.get(view.file.thumbnailSha256) : null;
      return png ? `data:image/png;base64,${Buffer.from(png).toString('base64')}` : null;
    },
    orderLine: (view: JobFileView, _: unknown, ctx: GraphQLContext) => (view.orderLineId ? ctx.loaders.line.load(view.orderLineId) : null),
    preflight: (view: JobFileView) =>
      view.report ?? { status: 'pending', errors: [], warnings: [], infos: [], accepted: [], facts: null, checkedAt: null, profileId: null },
  },
  PreflightReport: {
    profile: (report: { profileId: string | null }, _: unknown, ctx: GraphQLContext) => (report.profileId ? ctx.loaders.profile.load(report.profileId) : null),
  },
  ProductionProfile: {
    overrides: (profile: ProfileRow) => profile.rules,
    rules: (profile: ProfileRow) => {
      const resolved = profileRules(profile);
      return resolved.ok ? resolved.rules : null;
    },
  },
};
