import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { optedOut } from '../notifications/draft-email.ts';
import { writeEffects } from '../outbox/write-effects.ts';
import { insertOrderMessage, storeMessageAttachments, type MessageUpload, type OrderMessageView } from './order-messages.ts';

async function liveOrder(tx: Tx, shopId: string, orderId: string) {
  const [order] = await tx.select().from(schema.orders).where(and(eq(schema.orders.shopId, shopId), eq(schema.orders.id, orderId), isNull(schema.orders.deletedAt)));
  if (!order) throw new NotFoundError('Order');
  return order;
}

/**
 * The shop's reply in an order's thread (operator's job detail), with optional files.
 * The message and an audit event are written in one transaction with the customer's
 * e-mail in the outbox (unless they opted out or the order has no address); the e-mail
 * names the attachments and points back to the order, the thread stays in Pressline.
 */
export async function sendShopMessage(
  deps: Pick<CoreDeps, 'db' | 'boss' | 'files' | 'clock'>,
  input: { shopId: string; orderId: string; body: string; actor: string; attachments?: MessageUpload[] },
): Promise<OrderMessageView> {
  // An unknown order stores no bytes; a refused message neither (checked before storing).
  await withShop(deps.db, input.shopId, (tx) => liveOrder(tx, input.shopId, input.orderId));
  const stored = await storeMessageAttachments(deps.files, input.body, input.attachments ?? []);
  return withShop(deps.db, input.shopId, async (tx) => {
    const order = await liveOrder(tx, input.shopId, input.orderId);
    const at = deps.clock();
    const message = await insertOrderMessage(tx, { shopId: input.shopId, orderId: order.id, author: 'shop', actor: input.actor, body: input.body, at, attachments: stored });
    const names = message.attachments.map((file) => file.name).join(', ');
    await tx.insert(schema.orderEvents).values({ shopId: input.shopId, orderId: order.id, at, actor: input.actor, kind: 'message_sent', note: names ? `Attached: ${names}` : null });
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
            text: `${message.body}\n\n${names ? `Attached: ${names}\n\n` : ''}Reply from your order page.`,
            customerStatus: 'message',
          },
        },
      ]);
    }
    return message;
  });
}
