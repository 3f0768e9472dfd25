import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { attachmentContentType } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';
import type { FileStore } from '../../files/file-store.ts';

/** A file sent with a message; `contentType` is what a download of it is served as. */
export interface MessageAttachmentView {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
}

/** A message and the files sent with it, oldest first in a thread. */
export interface OrderMessageView {
  id: string;
  orderId: string;
  author: 'customer' | 'shop';
  body: string;
  at: Date;
  attachments: MessageAttachmentView[];
}

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_MESSAGE_ATTACHMENTS = 5;
/** Largest file either side may attach to a message. */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** A file as the sender uploaded it. */
export interface MessageUpload {
  name: string;
  bytes: Uint8Array;
}

/** A file already in the file store (content hash) with the name the sender gave it. */
export interface StoredAttachment {
  name: string;
  sha256: string;
  sizeBytes: number;
}

function attachmentView(file: { id: string; name: string; sizeBytes: number | null }): MessageAttachmentView {
  return { id: file.id, name: file.name, sizeBytes: file.sizeBytes ?? 0, contentType: attachmentContentType(file.name) };
}

/** A message's files are sent together (one timestamp), so they are listed by name, the same way everywhere. */
function byName(a: MessageAttachmentView, b: MessageAttachmentView): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;
}

/** The thread of one order (both sides), oldest first. */
export async function listOrderMessages(tx: Tx, shopId: string, orderId: string): Promise<OrderMessageView[]> {
  const messages = await tx
    .select()
    .from(schema.orderMessages)
    .where(and(eq(schema.orderMessages.shopId, shopId), eq(schema.orderMessages.orderId, orderId)))
    .orderBy(asc(schema.orderMessages.at), asc(schema.orderMessages.createdAt));
  if (messages.length === 0) return [];
  const attachments = await tx
    .select({ messageId: schema.orderMessageFiles.messageId, id: schema.files.id, name: schema.files.name, sizeBytes: schema.files.sizeBytes })
    .from(schema.orderMessageFiles)
    .innerJoin(schema.files, and(eq(schema.files.shopId, schema.orderMessageFiles.shopId), eq(schema.files.id, schema.orderMessageFiles.fileId)))
    .where(and(eq(schema.orderMessageFiles.shopId, shopId), inArray(schema.orderMessageFiles.messageId, messages.map((message) => message.id))));
  return messages.map((message) => ({
    id: message.id,
    orderId: message.orderId,
    author: message.author,
    body: message.body,
    at: message.at,
    attachments: attachments.filter((file) => file.messageId === message.id).map(attachmentView).sort(byName),
  }));
}

/** Refuses a message that could not be stored, naming the field, before anything is written. */
function checkMessage(body: string, attachments: { name: string; sizeBytes: number }[]): void {
  const text = body.trim();
  if (!text && attachments.length === 0) throw new BadRequestError('Write a message or attach a file', { field: 'body' });
  if (text.length > MAX_MESSAGE_LENGTH) throw new BadRequestError(`Messages are limited to ${MAX_MESSAGE_LENGTH} characters`, { field: 'body' });
  if (attachments.length > MAX_MESSAGE_ATTACHMENTS) throw new BadRequestError(`Attach at most ${MAX_MESSAGE_ATTACHMENTS} files`, { field: 'attachments' });
  const tooLarge = attachments.find((attachment) => attachment.sizeBytes > MAX_MESSAGE_ATTACHMENT_BYTES);
  if (tooLarge) throw new BadRequestError(`Attachment "${tooLarge.name}" is larger than ${MAX_MESSAGE_ATTACHMENT_BYTES / 1048576} MB`, { field: 'attachments' });
}

/**
 * Checks the whole message, then puts its files in the file store (outside the
 * transaction, like every upload): a refused message leaves no bytes behind.
 */
export async function storeMessageAttachments(files: FileStore, body: string, uploads: MessageUpload[]): Promise<StoredAttachment[]> {
  checkMessage(body, uploads.map((upload) => ({ name: upload.name, sizeBytes: upload.bytes.length })));
  const stored: StoredAttachment[] = [];
  for (const upload of uploads) stored.push({ name: upload.name, ...(await files.put(upload.bytes)) });
  return stored;
}

export interface NewOrderMessage {
  shopId: string;
  orderId: string;
  author: 'customer' | 'shop';
  actor: string;
  body: string;
  at: Date;
  attachments: StoredAttachment[];
}

/** Appends a message (and its attachments as files) in the caller's transaction. Line breaks are stored as \n (multipart forms send \r\n). */
export async function insertOrderMessage(tx: Tx, input: NewOrderMessage): Promise<OrderMessageView> {
  checkMessage(input.body, input.attachments);
  const [message] = await tx
    .insert(schema.orderMessages)
    .values({ shopId: input.shopId, orderId: input.orderId, author: input.author, actor: input.actor, body: input.body.trim().replace(/\r\n?/g, '\n'), at: input.at })
    .returning();
  const attachments: MessageAttachmentView[] = [];
  for (const attachment of input.attachments) {
    const name = attachment.name.trim().replace(/[\\/]/g, '_').slice(0, 200) || 'attachment';
    const [file] = await tx
      .insert(schema.files)
      .values({ shopId: input.shopId, name, source: input.author === 'customer' ? 'customer' : 'operator', status: 'stored', sha256: attachment.sha256, sizeBytes: attachment.sizeBytes })
      .returning({ id: schema.files.id });
    await tx.insert(schema.orderMessageFiles).values({ shopId: input.shopId, messageId: message!.id, fileId: file!.id });
    attachments.push(attachmentView({ id: file!.id, name, sizeBytes: attachment.sizeBytes }));
  }
  return { id: message!.id, orderId: message!.orderId, author: message!.author, body: message!.body, at: message!.at, attachments: attachments.sort(byName) };
}
