import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { asJobId, jobActivityEvent } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import { insertJobEvents } from '../jobs/insert-job-events.ts';
import { lockJob } from '../jobs/lock-job.ts';
import { enqueuePreflight } from './attach-line-files.ts';

/** Largest upload accepted through the API; the inspectors have their own, larger caps. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface UploadJobFileInput {
  shopId: string;
  jobId: string;
  name: string;
  bytes: Uint8Array;
  /** A file of the job this one replaces: its link is retired (kept for history). */
  replaces?: string | null;
  source: 'operator' | 'customer';
  /** design (default): produced and gated by preflight; proof: shown to the customer for approval; photo: progress or completion. */
  role?: 'design' | 'proof' | 'photo';
  actor: string;
}

/**
 * A file added to a job by an operator (or, later, a customer): stored once by content,
 * linked to the job and queued for preflight in one transaction, with an audit event.
 */
export async function uploadJobFile(deps: Pick<CoreDeps, 'db' | 'boss' | 'files' | 'clock'>, input: UploadJobFileInput): Promise<{ fileId: string }> {
  const name = input.name.trim().replace(/[\\/]/g, '_').slice(0, 200);
  if (!name) throw new BadRequestError('The file needs a name');
  if (input.bytes.length === 0) throw new BadRequestError('The file is empty');
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw new BadRequestError(`The file is larger than ${MAX_UPLOAD_BYTES / 1048576} MB`);
  // Stored before the transaction: a blob nobody links to is harmless, a link to a missing blob is not.
  const blob = await deps.files.put(input.bytes);

  return withShop(deps.db, input.shopId, async (tx) => {
    const { shopId, jobId } = input;
    const job = await lockJob(tx, shopId, jobId);
    const at = deps.clock();
    let orderLineId: string | null = null;
    if (input.replaces) {
      const retired = await tx
        .update(schema.jobFiles)
        .set({ deletedAt: at })
        .where(and(eq(schema.jobFiles.shopId, shopId), eq(schema.jobFiles.jobId, jobId), eq(schema.jobFiles.fileId, input.replaces), isNull(schema.jobFiles.deletedAt)))
        .returning({ orderLineId: schema.jobFiles.orderLineId });
      if (retired.length === 0) throw new BadRequestError('The file to replace is not one of this job\'s files');
      orderLineId = retired[0]!.orderLineId;
    }
    const [file] = await tx
      .insert(schema.files)
      .values({ shopId, name, source: input.source, status: 'stored', sha256: blob.sha256, sizeBytes: blob.sizeBytes })
      .returning({ id: schema.files.id });
    await tx.insert(schema.jobFiles).values({ shopId, jobId, fileId: file!.id, orderLineId, role: input.role ?? 'design' });
    await enqueuePreflight(tx, deps.boss, { shopId, jobId, fileId: file!.id });
    const event = jobActivityEvent({
      jobId: asJobId(jobId),
      at,
      actor: input.actor,
      kind: input.replaces ? 'file_replaced' : 'file_added',
      stage: job.stageKey,
      note: name,
    });
    await insertJobEvents(tx, shopId, [event]);
    return { fileId: file!.id };
  });
}
