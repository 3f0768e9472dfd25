import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { customerOrdersWhere, isUuid } from './customer-orders.ts';
import type { StorefrontCustomer } from './storefront-customer.ts';

/**
 * The PNG preview of a file of one of the customer's jobs. Only the thumbnail preflight
 * drew (a raster, rendered by resvg or pdfjs) is ever served, never the uploaded bytes:
 * an SVG with a script reaches the page as pixels.
 */
export async function customerThumbnail(deps: Pick<CoreDeps, 'db' | 'files'>, customer: StorefrontCustomer, fileId: string): Promise<Uint8Array> {
  if (!isUuid(fileId)) throw new NotFoundError('File');
  const sha256 = await withShop(deps.db, customer.shopId, async (tx) => {
    const [row] = await tx
      .select({ sha256: schema.files.thumbnailSha256 })
      .from(schema.files)
      .innerJoin(schema.jobFiles, and(eq(schema.jobFiles.shopId, schema.files.shopId), eq(schema.jobFiles.fileId, schema.files.id)))
      .innerJoin(schema.jobs, and(eq(schema.jobs.shopId, schema.jobFiles.shopId), eq(schema.jobs.id, schema.jobFiles.jobId)))
      .innerJoin(schema.orders, and(eq(schema.orders.shopId, schema.jobs.shopId), eq(schema.orders.id, schema.jobs.orderId)))
      .where(and(customerOrdersWhere(customer), eq(schema.files.id, fileId), isNull(schema.files.deletedAt), isNull(schema.jobFiles.deletedAt)))
      .limit(1);
    return row?.sha256 ?? null;
  });
  const png = sha256 ? await deps.files.get(sha256) : null;
  if (!png) throw new NotFoundError('Preview');
  return png;
}
