import { and, eq, inArray, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { enqueuePreflight } from './attach-line-files.ts';

/**
 * After a shop's profiles changed: every file of its unfinished jobs is queued again.
 * The check itself skips a file whose bytes and rules are unchanged, so this is cheap
 * for the jobs the change did not touch.
 */
export async function recheckShopFiles(deps: Pick<CoreDeps, 'db' | 'boss'>, input: { shopId: string }): Promise<{ queued: number }> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const workflow = await loadShopWorkflow(tx, input.shopId);
    const open = workflow.stages.filter((stage) => stage.category !== 'done' && stage.category !== 'cancelled').map((stage) => stage.key);
    const links = await tx
      .select({ jobId: schema.jobFiles.jobId, fileId: schema.jobFiles.fileId })
      .from(schema.jobFiles)
      .innerJoin(schema.jobs, and(eq(schema.jobs.shopId, schema.jobFiles.shopId), eq(schema.jobs.id, schema.jobFiles.jobId)))
      .where(and(eq(schema.jobFiles.shopId, input.shopId), isNull(schema.jobFiles.deletedAt), isNull(schema.jobs.deletedAt), inArray(schema.jobs.stageKey, open)));
    for (const link of links) await enqueuePreflight(tx, deps.boss, { shopId: input.shopId, ...link });
    return { queued: links.length };
  });
}
