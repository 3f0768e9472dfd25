import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { attachmentContentType } from '../../domain/index.ts';
import { NotFoundError } from '../../errors.ts';
import { isUuid } from '../storefront/customer-orders.ts';

export interface AttachmentDownload {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * One file of one message, if that message is in a thread of an order `orders` admits
 * (the customer's own orders, or any live order of the shop). Anything else, however it
 * misses, is the same NOT_FOUND: a guessed id tells nothing.
 */
export async function loadMessageAttachment(
  deps: Pick<CoreDeps, 'db' | 'files'>,
  input: { shopId: string; messageId: string; fileId: string; orders: SQL },
): Promise<AttachmentDownload> {
  if (!isUuid(input.messageId) || !isUuid(input.fileId)) throw new NotFoundError('Attachment');
  const file = await withShop(deps.db, input.shopId, async (tx) => {
    const [row] = await tx
      .select({ name: schema.files.name, sha256: schema.files.sha256 })
      .from(schema.orderMessageFiles)
      .innerJoin(schema.orderMessages, and(eq(schema.orderMessages.shopId, schema.orderMessageFiles.shopId), eq(schema.orderMessages.id, schema.orderMessageFiles.messageId)))
      .innerJoin(schema.orders, and(eq(schema.orders.shopId, schema.orderMessages.shopId), eq(schema.orders.id, schema.orderMessages.orderId)))
      .innerJoin(schema.files, and(eq(schema.files.shopId, schema.orderMessageFiles.shopId), eq(schema.files.id, schema.orderMessageFiles.fileId)))
      .where(and(input.orders, eq(schema.orderMessageFiles.messageId, input.messageId), eq(schema.orderMessageFiles.fileId, input.fileId), isNull(schema.files.deletedAt)))
      .limit(1);
    return row;
  });
  const bytes = file?.sha256 ? await deps.files.get(file.sha256) : null;
  if (!file || !bytes) throw new NotFoundError('Attachment');
  return { name: file.name, contentType: attachmentContentType(file.name), bytes };
}

/** The shop's own download (operator's job detail, API clients): any live order of the shop. */
export function shopMessageAttachment(deps: Pick<CoreDeps, 'db' | 'files'>, input: { shopId: string; messageId: string; fileId: string }): Promise<AttachmentDownload> {
  return loadMessageAttachment(deps, { ...input, orders: and(eq(schema.orders.shopId, input.shopId), isNull(schema.orders.deletedAt))! });
}
