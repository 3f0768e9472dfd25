import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { asJobId, canAccept, jobActivityEvent } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import { insertJobEvents } from '../jobs/insert-job-events.ts';
import { lockJob } from '../jobs/lock-job.ts';
import { latestReport, storedReport } from './job-file-reads.ts';

export interface AcceptWarningInput {
  shopId: string;
  jobId: string;
  fileId: string;
  code: string;
  note?: string | null;
  actor: string;
}

/**
 * An operator accepts a warning of a file's current report (e.g. 200 ppi on a poster the
 * customer insists on). Audited twice over: the acceptance row and a job event. Errors
 * cannot be accepted: the file must be fixed.
 */
export async function acceptPreflightWarning(deps: Pick<CoreDeps, 'db' | 'clock'>, input: AcceptWarningInput): Promise<void> {
  const { shopId, jobId, fileId, code } = input;
  await withShop(deps.db, shopId, async (tx) => {
    const job = await lockJob(tx, shopId, jobId);
    const report = await latestReport(tx, shopId, jobId, fileId);
    if (!report) throw new BadRequestError('The file has not been checked yet');
    const current = storedReport(report);
    if (current.errors.some((finding) => finding.code === code)) {
      throw new BadRequestError(`"${code}" is an error and cannot be accepted; the file must be fixed`);
    }
    if (!canAccept(current, code)) throw new BadRequestError(`The file's current report has no open warning "${code}"`);

    const at = deps.clock();
    const inserted = await tx
      .insert(schema.preflightAcceptances)
      .values({ shopId, jobId, fileId, code, actor: input.actor, note: input.note?.trim() || null, at })
      .onConflictDoNothing()
      .returning({ id: schema.preflightAcceptances.id });
    if (inserted.length === 0) return;
    const event = jobActivityEvent({ jobId: asJobId(jobId), at, actor: input.actor, kind: 'warning_accepted', stage: job.stageKey, note: `${code}${input.note?.trim() ? `: ${input.note.trim()}` : ''}` });
    await insertJobEvents(tx, shopId, [event]);
  });
}
