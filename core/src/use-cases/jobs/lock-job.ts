import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { NotFoundError } from '../../errors.ts';

/** Locks a live job of the shop for the rest of the transaction; NOT_FOUND for a missing or deleted one. */
export async function lockJob(tx: Tx, shopId: string, jobId: string): Promise<{ stageKey: string }> {
  const [job] = await tx
    .select({ stageKey: schema.jobs.stageKey })
    .from(schema.jobs)
    .where(and(eq(schema.jobs.shopId, shopId), eq(schema.jobs.id, jobId), isNull(schema.jobs.deletedAt)))
    .for('update');
  if (!job) throw new NotFoundError('Job');
  return job;
}
