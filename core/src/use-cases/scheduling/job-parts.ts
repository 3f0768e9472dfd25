import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { PartMm } from '../../domain/index.ts';

const MESH_KINDS = ['stl', 'obj', '3mf'];

/**
 * The bounding boxes of the given jobs' 3D design files, from each file's latest check of
 * its current bytes. Only the size is read (not the whole report): every re-plan asks.
 */
export async function jobPartsOf(tx: Tx, shopId: string, jobIds: readonly string[]): Promise<Map<string, PartMm[]>> {
  const parts = new Map<string, PartMm[]>();
  if (jobIds.length === 0) return parts;
  const r = schema.preflightReports;
  const l = schema.jobFiles;
  const f = schema.files;
  const rows = await tx
    .selectDistinctOn([r.jobId, r.fileId], { jobId: r.jobId, kind: r.kind, checked: r.sha256, current: f.sha256, size: sql<PartMm | null>`${r.facts} -> 'boundingBoxMm' -> 'size'` })
    .from(r)
    .innerJoin(l, and(eq(l.shopId, r.shopId), eq(l.jobId, r.jobId), eq(l.fileId, r.fileId), eq(l.role, 'design'), isNull(l.deletedAt)))
    .innerJoin(f, and(eq(f.shopId, r.shopId), eq(f.id, r.fileId), isNull(f.deletedAt)))
    .where(and(eq(r.shopId, shopId), inArray(r.jobId, [...jobIds])))
    .orderBy(r.jobId, r.fileId, desc(r.id));
  for (const row of rows) {
    if (!row.kind || !MESH_KINDS.includes(row.kind) || row.checked !== row.current || !row.size) continue;
    parts.set(row.jobId, [...(parts.get(row.jobId) ?? []), row.size]);
  }
  return parts;
}
