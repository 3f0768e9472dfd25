import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { footprintOf, selectGangCandidates, type CandidateGroup, type CandidateJob, type Excluded } from '../../domain/index.ts';
import { jobFilesOf, preflightCounts } from '../preflight/job-file-reads.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { loadGangRules } from './gang-rules.ts';
import { jobMakings } from './job-profiles.ts';
import { jobsInOpenRuns } from './run-reads.ts';

/** The most urgent waiting jobs looked at in one call; a shop never gangs more at once. */
const MAX_JOBS = 2_000;

export interface GangCandidates {
  groups: CandidateGroup[];
  excluded: Excluded[];
}

/**
 * Waiting jobs grouped by what they must share to go on one sheet, roll or plate, under
 * the shop's gang rules (window, rush); jobs left out are listed with the reason.
 */
export async function gangCandidates(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { shopId: string }): Promise<GangCandidates> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const { shopId } = input;
    const [workflow, rules] = await Promise.all([loadShopWorkflow(tx, shopId), loadGangRules(tx, shopId)]);
    const queued = workflow.stages.filter((stage) => stage.category === 'queued').map((stage) => stage.key);
    if (queued.length === 0) return { groups: [], excluded: [] };
    const j = schema.jobs;
    const jobs = await tx
      .select()
      .from(j)
      .where(and(eq(j.shopId, shopId), isNull(j.deletedAt), inArray(j.stageKey, queued)))
      .orderBy(sql`${j.dueAt} asc nulls last`, asc(j.number))
      .limit(MAX_JOBS);
    const ids = jobs.map((job) => job.id);
    const [makings, files, busy] = await Promise.all([jobMakings(tx, shopId, ids), jobFilesOf(tx, shopId, ids), jobsInOpenRuns(tx, shopId, ids)]);
    const candidates: CandidateJob[] = jobs.map((job) => {
      const made = makings.get(job.id)?.made ?? null;
      const own = files.filter((f) => f.jobId === job.id);
      return {
        jobId: job.id,
        dueAt: job.dueAt,
        tags: job.tags,
        profile: made
          ? { id: made.profile.id, gangable: made.profile.gangable, process: made.profile.process, material: made.profile.material, finishing: made.profile.finishing, colorMode: made.rules.colorMode }
          : null,
        footprintMm: made ? footprintOf(made.rules.trimMm, own.find((f) => f.role === 'design')?.report?.facts) : null,
        preflight: { ...preflightCounts(own), designFiles: own.filter((f) => f.role === 'design').length },
        stageCategory: 'queued',
        inOpenRun: busy.has(job.id),
      };
    });
    return selectGangCandidates(candidates, rules, deps.clock());
  });
}
