import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { optedOut } from '../notifications/draft-email.ts';
import { writeEffects } from '../outbox/write-effects.ts';
import { insertOrderMessage, type OrderMessageView } from './order-messages.ts';

/**
 * The shop's reply in an order's thread (operator's job detail). The customer is told by
 * e-mail through the outbox, in the same transaction, unless they opted out or the order
 * has no address; the e-mail points back to the order, the thread stays in Pressline.
 */
export async function sendShopMessage(
  deps: Pick<CoreDeps, 'db' | 'boss' | 'files' | 'clock'>,
  input: { shopId: string; orderId: string; body: string; actor: string; attachments?: { name: string; bytes: Uint8Array }[] },
): Promise<OrderMessageView> {
  const stored: { name: string; sha256: string; sizeBytes: number }[] = [];
  for (const attachment of input.attachments ?? []) stored.push({ name: attachment.name, ...(await deps.files.put(attachment.bytes)) });
  return withShop(deps.db, input.shopId, async (tx) => {
    const [order] = await tx
      .select()
      .from(schema.orders)
      .where(and(eq(schema.orders.shopId, input.shopId), eq(schema.orders.id, input.orderId), isNull(schema.orders.deletedAt)));
    if (!order) throw new NotFoundError('Order');
    const message = await insertOrderMessage(tx, { shopId: input.shopId, orderId: order.id, author: 'shop', actor: input.actor, body: input.body, at: deps.clock(), attachments: stored });
    const to = order.customerEmail?.trim().toLowerCase();
    if (to && !(await optedOut(tx, input.shopId, to))) {
      const [shop] = await tx.select({ name: schema.shops.name }).from(schema.shops).where(eq(schema.shops.id, input.shopId));
      await writeEffects(tx, deps.boss, input.shopId, [
        {
          kind: 'email',
          orderId: order.id,
          idempotencyKey: `message:${message.id}`,
          payload: {
            to,
            subject: `${shop?.name ?? 'Your print shop'} replied about order ${order.name}`,
            text: `${message.body}\n\n${message.attachments.length > 0 ? `Attached: ${message.attachments.map((file) => file.name).join(', ')}\n\n` : ''}Reply from your order page.`,
            customerStatus: 'message',
          },
        },
      ]);
    }
    return message;
  });
}
