import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { asJobId, buildReport, jobActivityEvent, type Finding, type Inspection } from '../../domain/index.ts';
import { inspectInWorker, renderThumbnailInWorker } from '../../preflight/inspect-in-worker.ts';
import { insertJobEvents } from '../jobs/insert-job-events.ts';
import { queuePlan } from '../scheduling/queue-plan.ts';
import { latestReport, reusableReport, type ReportRow } from './job-file-reads.ts';
import { rulesForLine } from './line-rules.ts';

export type CheckOutcome =
  | { status: 'checked'; result: 'passed' | 'warnings' | 'failed'; errors: number; warnings: number }
  | { status: 'unchanged' }
  /** The same file with the same rules was checked for another job (a reorder): its report was copied. */
  | { status: 'reused'; fromJobId: string }
  | { status: 'gone' };

const ACTOR = 'system:preflight';

/** Longer side of a file's preview, in pixels: sharp on a tablet card and in the customer's status widget. */
const THUMBNAIL_SIZE = 512;

/**
 * Fetches (when it is a link) and checks one file of one job, and stores the report.
 * Safe to repeat: a file whose bytes and rules have not changed since its last report is
 * not checked again. Fetching and inspecting happen outside any transaction, so no row
 * stays locked while a slow link answers or a large file is parsed.
 */
export async function checkJobFile(
  deps: Pick<CoreDeps, 'db' | 'boss' | 'files' | 'fetchFile' | 'clock'>,
  input: { shopId: string; jobId: string; fileId: string },
): Promise<CheckOutcome> {
  const { shopId, jobId, fileId } = input;
  const target = await withShop(deps.db, shopId, async (tx) => {
    const [link] = await tx
      .select({ link: schema.jobFiles, file: schema.files })
      .from(schema.jobFiles)
      .innerJoin(schema.files, and(eq(schema.files.shopId, schema.jobFiles.shopId), eq(schema.files.id, schema.jobFiles.fileId)))
      .where(and(eq(schema.jobFiles.shopId, shopId), eq(schema.jobFiles.jobId, jobId), eq(schema.jobFiles.fileId, fileId), isNull(schema.jobFiles.deletedAt)));
    if (!link) return null;
    const rules = await rulesForLine(tx, shopId, link.link.orderLineId);
    const previous = await latestReport(tx, shopId, jobId, fileId);
    const reusable =
      previous === null && link.file.status === 'stored'
        ? await reusableReport(tx, shopId, { jobId, fileId, sha256: link.file.sha256, rulesFingerprint: rules.fingerprint })
        : null;
    if (reusable) await copyReport(tx, deps.clock(), { shopId, jobId, name: link.file.name, report: reusable });
    return { ...link, rules, previous, reusable };
  });
  if (!target) return { status: 'gone' };
  if (target.reusable) return { status: 'reused', fromJobId: target.reusable.jobId };
  let { file } = target;
  const { rules, previous } = target;
  if (previous && file.status !== 'pending' && previous.sha256 === file.sha256 && previous.rulesFingerprint === rules.fingerprint) return { status: 'unchanged' };

  let inspection: Inspection;
  if (file.status === 'pending' && file.originUrl) {
    const fetched = await deps.fetchFile(file.originUrl);
    // Worth another try later: the queue retries with backoff and the file stays pending (blocking production).
    if (!fetched.ok && fetched.retry) throw new Error(`fetching ${file.originUrl}: ${fetched.reason}`);
    const outcome = fetched.ok
      ? { status: 'stored' as const, ...(await deps.files.put(fetched.bytes)), failure: null }
      : { status: 'unavailable' as const, failure: fetched.reason };
    file = await withShop(deps.db, shopId, async (tx) => {
      const [updated] = await tx
        .update(schema.files)
        .set({ ...outcome, updatedAt: deps.clock() })
        .where(and(eq(schema.files.shopId, shopId), eq(schema.files.id, fileId)))
        .returning();
      return updated!;
    });
  }

  const bytes = file.sha256 ? await deps.files.get(file.sha256) : null;
  if (file.status === 'unavailable' || !bytes) {
    inspection = { ok: false, kind: null, finding: unavailable(file.failure ?? 'The file is missing from the file store.') };
  } else {
    // The inspection takes its own copy: the bytes move to the worker thread.
    inspection = await inspectInWorker(bytes.slice(), { name: file.name });
  }
  // A preview depends on the bytes alone: drawn once per file, whatever the rules.
  const thumbnail = inspection.ok && !file.thumbnailSha256 && bytes ? await renderThumbnailInWorker(bytes, { kind: inspection.kind, size: THUMBNAIL_SIZE }) : null;
  const thumbnailSha256 = thumbnail?.ok ? (await deps.files.put(thumbnail.png)).sha256 : file.thumbnailSha256;
  const report = buildReport(inspection, rules.rules);
  const findings: Finding[] = [...report.errors, ...report.warnings, ...report.infos];

  await withShop(deps.db, shopId, async (tx) => {
    const at = deps.clock();
    await tx.insert(schema.preflightReports).values({
      shopId,
      jobId,
      fileId,
      sha256: file.sha256,
      rulesFingerprint: rules.fingerprint,
      profileId: rules.profileId,
      status: report.status,
      kind: report.kind,
      findings,
      facts: report.facts as Record<string, unknown> | null,
      checkedAt: at,
    });
    if (report.kind !== file.kind || thumbnailSha256 !== file.thumbnailSha256) {
      await tx.update(schema.files).set({ kind: report.kind ?? file.kind, thumbnailSha256 }).where(and(eq(schema.files.shopId, shopId), eq(schema.files.id, fileId)));
    }
    const [job] = await tx.select({ stageKey: schema.jobs.stageKey }).from(schema.jobs).where(and(eq(schema.jobs.shopId, shopId), eq(schema.jobs.id, jobId)));
    const event = jobActivityEvent({
      jobId: asJobId(jobId),
      at,
      actor: ACTOR,
      kind: 'preflight_checked',
      stage: job!.stageKey,
      note: `${file.name}: ${report.status} (${report.errors.length} errors, ${report.warnings.length} warnings)${rules.profileName ? ` against ${rules.profileName}` : ''}`,
    });
    await insertJobEvents(tx, shopId, [event]);
    // A 3D part's size decides which printers may take the job: the plan looks again.
    if (report.kind === 'stl' || report.kind === 'obj' || report.kind === '3mf') await queuePlan(tx, deps.boss, shopId);
  });
  return { status: 'checked', result: report.status, errors: report.errors.length, warnings: report.warnings.length };
}

/** The other job's report, now this job's too, with the audit event saying where it came from. */
async function copyReport(tx: Tx, at: Date, input: { shopId: string; jobId: string; name: string; report: ReportRow }): Promise<void> {
  const { report } = input;
  await tx.insert(schema.preflightReports).values({
    shopId: input.shopId,
    jobId: input.jobId,
    fileId: report.fileId,
    sha256: report.sha256,
    rulesFingerprint: report.rulesFingerprint,
    profileId: report.profileId,
    status: report.status,
    kind: report.kind,
    findings: report.findings,
    facts: report.facts,
    checkedAt: at,
  });
  const [job] = await tx.select({ stageKey: schema.jobs.stageKey }).from(schema.jobs).where(and(eq(schema.jobs.shopId, input.shopId), eq(schema.jobs.id, input.jobId)));
  const event = jobActivityEvent({
    jobId: asJobId(input.jobId),
    at,
    actor: ACTOR,
    kind: 'preflight_checked',
    stage: job!.stageKey,
    note: `${input.name}: ${report.status}, unchanged since it was checked for an earlier job (not checked again)`,
  });
  await insertJobEvents(tx, input.shopId, [event]);
}

function unavailable(reason: string): Finding {
  return { code: 'file.unavailable', severity: 'error', message: `The file could not be fetched: ${reason}`, fix: 'Upload the file again, or send a working link.' };
}
