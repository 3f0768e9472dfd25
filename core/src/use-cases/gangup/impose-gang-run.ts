import { and, eq, inArray } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { SLUG_MM, type GangTarget } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import { cutOutlinesSvg } from '../../imposition/cut-svg.ts';
import { imposePdf } from '../../imposition/impose-pdf.ts';
import { plateLayoutJson } from '../../imposition/plate-json.ts';
import { loadRun, runItems, runPlacements, type GangRunRow } from './run-reads.ts';

/** The run's process, from what its jobs share. */
export function processOfRun(run: GangRunRow): string {
  const key = JSON.parse(run.groupKey) as unknown[];
  return String(key[1] ?? '');
}

export function runLabel(run: GangRunRow): string {
  return `Gang run ${run.id.slice(0, 8).toUpperCase()}`;
}

/**
 * Makes the imposed output of the run's current layout and links it to the run: the
 * print PDF for presses, the cut-outline SVG for lasers and CNC, the plate layout JSON
 * for 3D printers. Bytes go to the content-addressed file store.
 */
export async function imposeGangRun(deps: Pick<CoreDeps, 'files'>, tx: Tx, run: GangRunRow): Promise<void> {
  const items = await runItems(tx, run.shopId, [run.id]);
  const placements = await runPlacements(tx, run.shopId, [run.id]);
  const itemById = new Map(items.map((item) => [item.id, item]));
  const target = run.target as unknown as GangTarget;
  const process = processOfRun(run);
  const pages = target.kind === 'roll' ? 1 : run.sheets;
  const pageMm = target.kind === 'roll' ? { width: target.width, height: (run.rollLengthMm ?? 0) + SLUG_MM } : { width: target.width, height: target.height };

  let output: { kind: 'pdf' | 'svg' | 'json'; bytes: Uint8Array; pages: number };
  if (process === 'fdm' || process === 'sla') {
    const json = plateLayoutJson({
      runId: run.id,
      plateMm: pageMm,
      plates: pages,
      spacingMm: run.gutterMm,
      parts: placements.map((p) => ({ plate: p.sheet, x: p.x, y: p.y, width: p.width, depth: p.height, rotated: p.rotated, fileId: itemById.get(p.runItemId)?.fileId ?? null, orderLineId: p.orderLineId, copy: p.copy })),
    });
    output = { kind: 'json', bytes: new TextEncoder().encode(json), pages };
  } else if (process === 'laser' || process === 'cnc') {
    const orders = await orderNamesByLine(tx, run.shopId, items.map((item) => item.orderLineId));
    const svg = cutOutlinesSvg({
      sheetMm: pageMm,
      sheets: pages,
      title: runLabel(run),
      outlines: placements.map((p) => ({ sheet: p.sheet, x: p.x, y: p.y, width: p.width, height: p.height, label: `${orders.get(p.orderLineId) ?? ''} copy ${p.copy + 1}` })),
    });
    output = { kind: 'svg', bytes: new TextEncoder().encode(svg), pages };
  } else {
    output = { kind: 'pdf', ...(await printPdf(deps, tx, run, items, placements, pages, pageMm)) };
  }
  const stored = await deps.files.put(output.bytes);
  await tx
    .insert(schema.gangRunOutputs)
    .values({ shopId: run.shopId, runId: run.id, kind: output.kind, layoutVersion: run.layoutVersion, sha256: stored.sha256, sizeBytes: stored.sizeBytes, pages: output.pages })
    .onConflictDoNothing();
}

/** Imposes the run's current layout unless that is done already (after a cancellation left holes). */
export async function ensureImposed(deps: Pick<CoreDeps, 'files'>, tx: Tx, run: GangRunRow): Promise<void> {
  const o = schema.gangRunOutputs;
  const [current] = await tx.select({ id: o.id }).from(o).where(and(eq(o.shopId, run.shopId), eq(o.runId, run.id), eq(o.layoutVersion, run.layoutVersion))).limit(1);
  if (!current && run.sheets > 0) await imposeGangRun(deps, tx, run);
}

/** Imposes a planned or running run's current layout on request (the operator wants the PDF before starting). */
export async function imposeGangRunNow(deps: Pick<CoreDeps, 'db' | 'files'>, input: { shopId: string; runId: string }): Promise<GangRunRow> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const run = await loadRun(tx, input.shopId, input.runId, true);
    if (run.status === 'cancelled') throw new BadRequestError('The gang run is cancelled');
    await ensureImposed(deps, tx, run);
    return run;
  });
}

async function printPdf(
  deps: Pick<CoreDeps, 'files'>,
  tx: Tx,
  run: GangRunRow,
  items: Awaited<ReturnType<typeof runItems>>,
  placements: Awaited<ReturnType<typeof runPlacements>>,
  pages: number,
  pageMm: { width: number; height: number },
): Promise<{ bytes: Uint8Array; pages: number }> {
  const used = new Set(placements.map((p) => p.runItemId));
  const fileIds = [...new Set(items.filter((item) => used.has(item.id)).map((item) => item.fileId).filter((id): id is string => id !== null))];
  const f = schema.files;
  const fileRows = fileIds.length > 0 ? await tx.select().from(f).where(and(eq(f.shopId, run.shopId), inArray(f.id, fileIds))) : [];
  const artwork = new Map<string, Uint8Array>();
  for (const file of fileRows) {
    const bytes = file.sha256 ? await deps.files.get(file.sha256) : null;
    if (!bytes) throw new BadRequestError(`The design file "${file.name}" is not stored; it cannot be imposed`);
    artwork.set(file.id, bytes);
  }
  const missing = items.filter((item) => used.has(item.id) && !item.fileId);
  if (missing.length > 0) throw new BadRequestError(`${missing.length} item(s) of the run have no PDF design file to impose`);

  const orders = await orderNamesByLine(tx, run.shopId, items.map((item) => item.orderLineId));
  const orderList = [...new Set(items.filter((item) => used.has(item.id)).map((item) => orders.get(item.orderLineId) ?? ''))].sort().join(', ');
  const slugs = Array.from({ length: pages }, (_, i) => `${runLabel(run)} | sheet ${i + 1}/${pages} | layout v${run.layoutVersion} | orders ${orderList}`);
  const itemById = new Map(items.map((item) => [item.id, item]));
  const outcome = await imposePdf({
    pageMm,
    pages,
    bleed: run.bleedMm,
    gutter: run.gutterMm,
    slugs,
    placements: placements.map((p) => ({ sheet: p.sheet, x: p.x, y: p.y, width: p.width, height: p.height, rotated: p.rotated, artworkKey: itemById.get(p.runItemId)!.fileId! })),
    artwork,
  });
  if (!outcome.ok) throw new BadRequestError(`The run cannot be imposed: ${outcome.problems.join('; ')}`, { problems: outcome.problems });
  return { bytes: outcome.bytes, pages: outcome.pages };
}

async function orderNamesByLine(tx: Tx, shopId: string, lineIds: readonly string[]): Promise<Map<string, string>> {
  if (lineIds.length === 0) return new Map();
  const l = schema.orderLines;
  const o = schema.orders;
  const rows = await tx
    .select({ lineId: l.id, name: o.name })
    .from(l)
    .innerJoin(o, and(eq(o.shopId, l.shopId), eq(o.id, l.orderId)))
    .where(and(eq(l.shopId, shopId), inArray(l.id, [...new Set(lineIds)])));
  return new Map(rows.map((row) => [row.lineId, row.name]));
}
