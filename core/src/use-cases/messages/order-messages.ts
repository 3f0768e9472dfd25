import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { BadRequestError } from '../../errors.ts';

/** A message and the names of the files sent with it, oldest first in a thread. */
export interface OrderMessageView {
  id: string;
  orderId: string;
  author: 'customer' | 'shop';
  body: string;
  at: Date;
  attachments: { id: string; name: string }[];
}

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_MESSAGE_ATTACHMENTS = 5;

/** The thread of one order (both sides), oldest first. */
export async function listOrderMessages(tx: Tx, shopId: string, orderId: string): Promise<OrderMessageView[]> {
  const messages = await tx
    .select()
    .from(schema.orderMessages)
    .where(and(eq(schema.orderMessages.shopId, shopId), eq(schema.orderMessages.orderId, orderId)))
    .orderBy(asc(schema.orderMessages.at), asc(schema.orderMessages.createdAt));
  if (messages.length === 0) return [];
  const attachments = await tx
    .select({ messageId: schema.orderMessageFiles.messageId, id: schema.files.id, name: schema.files.name })
    .from(schema.orderMessageFiles)
    .innerJoin(schema.files, and(eq(schema.files.shopId, schema.orderMessageFiles.shopId), eq(schema.files.id, schema.orderMessageFiles.fileId)))
    .where(and(eq(schema.orderMessageFiles.shopId, shopId), inArray(schema.orderMessageFiles.messageId, messages.map((message) => message.id))));
  return messages.map((message) => ({
    id: message.id,
    orderId: message.orderId,
    author: message.author,
    body: message.body,
    at: message.at,
    attachments: attachments.filter((file) => file.messageId === message.id).map(({ id, name }) => ({ id, name })),
  }));
}

export interface NewOrderMessage {
  shopId: string;
  orderId: string;
  author: 'customer' | 'shop';
  actor: string;
  body: string;
  at: Date;
  /** Already stored blobs (content hash) with the names the sender gave them. */
  attachments: { name: string; sha256: string; sizeBytes: number }[];
}

/** Appends a message (and its attachments as files) in the caller's transaction. */
export async function insertOrderMessage(tx: Tx, input: NewOrderMessage): Promise<OrderMessageView> {
  const body = input.body.trim();
  if (!body && input.attachments.length === 0) throw new BadRequestError('Write a message or attach a file');
  if (body.length > MAX_MESSAGE_LENGTH) throw new BadRequestError(`Messages are limited to ${MAX_MESSAGE_LENGTH} characters`);
  if (input.attachments.length > MAX_MESSAGE_ATTACHMENTS) throw new BadRequestError(`Attach at most ${MAX_MESSAGE_ATTACHMENTS} files`);
  const [message] = await tx
    .insert(schema.orderMessages)
    .values({ shopId: input.shopId, orderId: input.orderId, author: input.author, actor: input.actor, body, at: input.at })
    .returning();
  const attachments: { id: string; name: string }[] = [];
  for (const attachment of input.attachments) {
    const name = attachment.name.trim().replace(/[\\/]/g, '_').slice(0, 200) || 'attachment';
    const [file] = await tx
      .insert(schema.files)
      .values({ shopId: input.shopId, name, source: input.author === 'customer' ? 'customer' : 'operator', status: 'stored', sha256: attachment.sha256, sizeBytes: attachment.sizeBytes })
      .returning({ id: schema.files.id });
    await tx.insert(schema.orderMessageFiles).values({ shopId: input.shopId, messageId: message!.id, fileId: file!.id });
    attachments.push({ id: file!.id, name });
  }
  return { id: message!.id, orderId: message!.orderId, author: message!.author, body: message!.body, at: message!.at, attachments };
}
