import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { lineAccount, type LineAccount, type LineRunShare } from '../../domain/index.ts';
import { NotFoundError } from '../../errors.ts';

export type GangRunRow = typeof schema.gangRuns.$inferSelect;
export type GangRunItemRow = typeof schema.gangRunItems.$inferSelect;
export type GangRunPlacementRow = typeof schema.gangRunPlacements.$inferSelect;
export type GangRunOutputRow = typeof schema.gangRunOutputs.$inferSelect;

/** A run, locked for the rest of the transaction when `lock` is set. */
export async function loadRun(tx: Tx, shopId: string, runId: string, lock = false): Promise<GangRunRow> {
  const r = schema.gangRuns;
  const query = tx.select().from(r).where(and(eq(r.shopId, shopId), eq(r.id, runId)));
  const [run] = lock ? await query.for('update') : await query;
  if (!run) throw new NotFoundError('Gang run');
  return run;
}

export function runItems(tx: Tx, shopId: string, runIds: readonly string[]) {
  const i = schema.gangRunItems;
  return tx.select().from(i).where(and(eq(i.shopId, shopId), inArray(i.runId, [...runIds]))).orderBy(asc(i.createdAt), asc(i.id));
}

export function runPlacements(tx: Tx, shopId: string, runIds: readonly string[]) {
  const p = schema.gangRunPlacements;
  return tx.select().from(p).where(and(eq(p.shopId, shopId), inArray(p.runId, [...runIds]))).orderBy(asc(p.sheet), asc(p.y), asc(p.x));
}

export function runJobIds(tx: Tx, shopId: string, runIds: readonly string[]) {
  const j = schema.gangRunJobs;
  return tx.select({ runId: j.runId, jobId: j.jobId }).from(j).where(and(eq(j.shopId, shopId), inArray(j.runId, [...runIds])));
}

/** The current outputs (of the run's layout version) of each run. */
export async function runOutputs(tx: Tx, shopId: string, runIds: readonly string[]): Promise<GangRunOutputRow[]> {
  const o = schema.gangRunOutputs;
  const r = schema.gangRuns;
  const rows = await tx
    .select({ output: o })
    .from(o)
    .innerJoin(r, and(eq(r.shopId, o.shopId), eq(r.id, o.runId), eq(r.layoutVersion, o.layoutVersion)))
    .where(and(eq(o.shopId, shopId), inArray(o.runId, [...runIds])))
    .orderBy(asc(o.kind));
  return rows.map((row) => row.output);
}

export function runsByIds(tx: Tx, shopId: string, ids: readonly string[]) {
  const r = schema.gangRuns;
  return tx.select().from(r).where(and(eq(r.shopId, shopId), inArray(r.id, [...ids])));
}

/** Each line's account across every run that served it: two queries whatever the count. */
export async function lineAccounts(tx: Tx, shopId: string, lineIds: readonly string[]): Promise<Map<string, LineAccount>> {
  if (lineIds.length === 0) return new Map();
  const l = schema.orderLines;
  const lines = await tx.select({ id: l.id, quantity: l.quantity }).from(l).where(and(eq(l.shopId, shopId), inArray(l.id, [...lineIds])));
  const i = schema.gangRunItems;
  const r = schema.gangRuns;
  const s = schema.gangRunSpoilage;
  const shares = await tx
    .select({ lineId: i.orderLineId, itemId: i.id, copies: i.copies, remake: i.remake, status: r.status })
    .from(i)
    .innerJoin(r, and(eq(r.shopId, i.shopId), eq(r.id, i.runId)))
    .where(and(eq(i.shopId, shopId), inArray(i.orderLineId, [...lineIds])));
  const spoils = await tx.select({ itemId: s.runItemId, copies: s.copies }).from(s).where(and(eq(s.shopId, shopId), inArray(s.orderLineId, [...lineIds])));
  const spoiledByItem = new Map<string, number>();
  for (const row of spoils) spoiledByItem.set(row.itemId, (spoiledByItem.get(row.itemId) ?? 0) + row.copies);
  const byLine = new Map<string, LineRunShare[]>();
  for (const share of shares) {
    const list = byLine.get(share.lineId) ?? [];
    list.push({ runStatus: share.status, copies: share.copies, remake: share.remake, spoiled: spoiledByItem.get(share.itemId) ?? 0 });
    byLine.set(share.lineId, list);
  }
  return new Map(lines.map((line) => [line.id, lineAccount(line.quantity, byLine.get(line.id) ?? [])]));
}

/** Jobs among `jobIds` served by a planned or running run. */
export async function jobsInOpenRuns(tx: Tx, shopId: string, jobIds: readonly string[]): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const j = schema.gangRunJobs;
  const r = schema.gangRuns;
  const rows = await tx
    .select({ jobId: j.jobId })
    .from(j)
    .innerJoin(r, and(eq(r.shopId, j.shopId), eq(r.id, j.runId)))
    .where(and(eq(j.shopId, shopId), inArray(j.jobId, [...jobIds]), inArray(r.status, ['planned', 'running'])));
  return new Set(rows.map((row) => row.jobId));
}

/** The shop's runs, newest first. */
export function listGangRuns(tx: Tx, shopId: string, input: { status?: GangRunRow['status'] | null; first: number }) {
  const r = schema.gangRuns;
  const first = Math.min(Math.max(Math.trunc(input.first) || 20, 1), 100);
  return tx
    .select()
    .from(r)
    .where(and(eq(r.shopId, shopId), input.status ? eq(r.status, input.status) : undefined))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(first);
}

/** Runs serving each of the jobs, newest first. */
export async function runsOfJobs(tx: Tx, shopId: string, jobIds: readonly string[]) {
  const j = schema.gangRunJobs;
  const r = schema.gangRuns;
  const rows = await tx
    .select({ jobId: j.jobId, run: r })
    .from(j)
    .innerJoin(r, and(eq(r.shopId, j.shopId), eq(r.id, j.runId)))
    .where(and(eq(j.shopId, shopId), inArray(j.jobId, [...jobIds])))
    .orderBy(desc(r.createdAt));
  return rows;
}
