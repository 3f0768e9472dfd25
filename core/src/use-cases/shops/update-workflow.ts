import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { validateWorkflow, type Workflow } from '../../domain/index.ts';
import { BadRequestError, ConflictError } from '../../errors.ts';

/**
 * Replaces a shop's workflow. The new one must validate, and it must still have every
 * stage a job currently sits in: a job is never left in a stage that no longer exists.
 */
export async function updateWorkflow(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { shopId: string; workflow: unknown }): Promise<Workflow> {
  const validated = validateWorkflow(input.workflow);
  if (!validated.ok) throw new BadRequestError(`The workflow is not valid: ${validated.problems.join('; ')}`, { problems: validated.problems });
  const workflow = validated.workflow;
  const keys = workflow.stages.map((stage) => stage.key);

  return withShop(deps.db, input.shopId, async (tx) => {
    // Lock the shop row so no job is created in a removed stage while we check.
    await tx.select({ id: schema.shops.id }).from(schema.shops).where(eq(schema.shops.id, input.shopId)).for('update');
    const stranded = await tx
      .selectDistinct({ stage: schema.jobs.stageKey })
      .from(schema.jobs)
      .where(and(eq(schema.jobs.shopId, input.shopId), isNull(schema.jobs.deletedAt), notInArray(schema.jobs.stageKey, keys)));
    if (stranded.length > 0) {
      const stages = stranded.map((row) => row.stage).sort();
      throw new ConflictError(`Jobs are still in stages this workflow removes: ${stages.join(', ')}. Move them first.`);
    }
    await tx.update(schema.shops).set({ workflow: JSON.stringify(workflow), updatedAt: deps.clock() }).where(eq(schema.shops.id, input.shopId));
    return workflow;
  });
}
