import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { summarizeFindings, type FileFacts, type FileKind, type Finding, type PreflightReport } from '../../domain/index.ts';

export type FileRow = typeof schema.files.$inferSelect;
export type ReportRow = typeof schema.preflightReports.$inferSelect;

/** One file of one job as the operator sees it: the file, its current report, what was accepted. */
export interface JobFileView {
  linkId: string;
  jobId: string;
  orderLineId: string | null;
  role: string;
  file: FileRow;
  /** Null while the file waits to be fetched or checked, or changed since its last check. */
  report: (PreflightReport & { checkedAt: Date; profileId: string | null }) | null;
}

/** The active files of the given jobs with their current reports: three queries, whatever the count. */
export async function jobFilesOf(tx: Tx, shopId: string, jobIds: readonly string[]): Promise<JobFileView[]> {
  if (jobIds.length === 0) return [];
  const l = schema.jobFiles;
  const f = schema.files;
  const links = await tx
    .select({ link: l, file: f })
    .from(l)
    .innerJoin(f, and(eq(f.shopId, l.shopId), eq(f.id, l.fileId)))
    .where(and(eq(l.shopId, shopId), inArray(l.jobId, [...jobIds]), isNull(l.deletedAt), isNull(f.deletedAt)))
    .orderBy(asc(l.createdAt), asc(l.id));
  if (links.length === 0) return [];

  const r = schema.preflightReports;
  const reports = await tx
    .selectDistinctOn([r.jobId, r.fileId])
    .from(r)
    .where(and(eq(r.shopId, shopId), inArray(r.jobId, [...jobIds])))
    .orderBy(r.jobId, r.fileId, desc(r.id));
  const a = schema.preflightAcceptances;
  const acceptances = await tx.select({ jobId: a.jobId, fileId: a.fileId, code: a.code }).from(a).where(and(eq(a.shopId, shopId), inArray(a.jobId, [...jobIds])));

  const key = (jobId: string, fileId: string) => `${jobId}:${fileId}`;
  const reportByKey = new Map(reports.map((report) => [key(report.jobId, report.fileId), report]));
  const accepted = new Map<string, Set<string>>();
  for (const row of acceptances) accepted.set(key(row.jobId, row.fileId), (accepted.get(key(row.jobId, row.fileId)) ?? new Set()).add(row.code));

  return links.map(({ link, file }) => {
    const stored = reportByKey.get(key(link.jobId, file.id));
    // A report of other bytes (the file was replaced in place) is no report of this file.
    const current = stored && file.status !== 'pending' && stored.sha256 === file.sha256 ? stored : null;
    return {
      linkId: link.id,
      jobId: link.jobId,
      orderLineId: link.orderLineId,
      role: link.role,
      file,
      report: current ? { ...storedReport(current, accepted.get(key(link.jobId, file.id))), checkedAt: current.checkedAt, profileId: current.profileId } : null,
    };
  });
}

export function storedReport(row: ReportRow, acceptedCodes: ReadonlySet<string> = new Set()): PreflightReport {
  return summarizeFindings(row.findings as Finding[], { kind: row.kind as FileKind | null, facts: row.facts as FileFacts | null }, acceptedCodes);
}

/** What the workflow guard counts for a job: errors in current reports and files still unchecked. */
export function preflightCounts(files: readonly JobFileView[]): { errors: number; pending: number } {
  let errors = 0;
  let pending = 0;
  for (const view of files) {
    if (view.role !== 'design') continue;
    if (view.report) errors += view.report.errors.length;
    else pending += 1;
  }
  return { errors, pending };
}

/** The newest report of a job's file, accepted codes applied; for acceptances. */
export async function latestReport(tx: Tx, shopId: string, jobId: string, fileId: string): Promise<ReportRow | null> {
  const r = schema.preflightReports;
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.shopId, shopId), eq(r.jobId, jobId), eq(r.fileId, fileId)))
    .orderBy(desc(r.id))
    .limit(1);
  return row ?? null;
}


/**
 * A report of the same file, same bytes and same rules made for another job (a reorder
 * links the original file again): checking it again would find the same.
 */
export async function reusableReport(tx: Tx, shopId: string, input: { jobId: string; fileId: string; sha256: string | null; rulesFingerprint: string }): Promise<ReportRow | null> {
  if (input.sha256 === null) return null;
  const r = schema.preflightReports;
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.shopId, shopId), eq(r.fileId, input.fileId), eq(r.sha256, input.sha256), eq(r.rulesFingerprint, input.rulesFingerprint)))
    .orderBy(desc(r.id))
    .limit(1);
  return row && row.jobId !== input.jobId ? row : null;
}
