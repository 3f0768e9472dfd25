import { and, eq, inArray, sql } from 'drizzle-orm';
import { enqueueInTx, queues, schema, type QueueClient, type Tx } from '@pressline/db';
import { fileReferencesOf } from '../../domain/index.ts';

export interface JobLines {
  jobId: string;
  lines: readonly { id: string; properties: readonly { name: string; value: string }[] }[];
}

/**
 * The design files customers linked on their order lines become the jobs' files, each
 * queued for fetching and preflight in the same transaction as the jobs themselves: a
 * job never exists without its files being on their way to a check.
 */
export async function attachLineFiles(tx: Tx, boss: QueueClient, shopId: string, jobs: readonly JobLines[]): Promise<number> {
  const links = jobs.flatMap((job) =>
    job.lines.flatMap((line) => fileReferencesOf(line.properties).map((reference) => ({ jobId: job.jobId, orderLineId: line.id, ...reference }))),
  );
  if (links.length === 0) return 0;

  const f = schema.files;
  const urls = [...new Set(links.map((link) => link.url))];
  await tx
    .insert(f)
    .values(urls.map((url) => ({ shopId, name: fileNameOf(url, links.find((link) => link.url === url)!.name), source: 'storefront' as const, originUrl: url })))
    .onConflictDoNothing({ target: [f.shopId, f.originUrl], where: sql`origin_url is not null` });
  const files = await tx.select({ id: f.id, originUrl: f.originUrl }).from(f).where(and(eq(f.shopId, shopId), inArray(f.originUrl, urls)));
  const fileIdByUrl = new Map(files.map((file) => [file.originUrl!, file.id]));

  const inserted = await tx
    .insert(schema.jobFiles)
    .values(links.map((link) => ({ shopId, jobId: link.jobId, fileId: fileIdByUrl.get(link.url)!, orderLineId: link.orderLineId })))
    .onConflictDoNothing()
    .returning({ jobId: schema.jobFiles.jobId, fileId: schema.jobFiles.fileId });
  for (const link of inserted) await enqueuePreflight(tx, boss, { shopId, ...link });
  return inserted.length;
}

export function enqueuePreflight(tx: Tx, boss: QueueClient, target: { shopId: string; jobId: string; fileId: string }): Promise<string> {
  return enqueueInTx(boss, tx, queues.preflightFile.name, target);
}

/** The file's own name from its link (`…/designs/card-front.pdf?v=2` → card-front.pdf), else the property's name. */
function fileNameOf(url: string, propertyName: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '').trim();
  return /\.[a-z0-9]{2,4}$/i.test(last) ? last : propertyName;
}
