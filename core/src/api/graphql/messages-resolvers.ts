import { readUploadedFile } from '../uploaded-file.ts';
import { listOrderMessages, type MessageUpload, type OrderMessageView } from '../../use-cases/messages/order-messages.ts';
import { sendShopMessage } from '../../use-cases/messages/send-shop-message.ts';
import type { OrderRow } from '../../use-cases/order-status/load-order-status.ts';
import type { GraphQLContext } from './context.ts';
import { requireUuid } from './ids.ts';

/** Where the shop downloads a message's file (admin API route, same credential). */
export const messageAttachmentPath = (messageId: string, fileId: string) => `/api/messages/${messageId}/attachments/${fileId}`;

async function uploads(files: readonly File[] | null | undefined): Promise<MessageUpload[]> {
  return Promise.all((files ?? []).map(readUploadedFile));
}

export const messagesResolvers = {
  MessageAuthor: { CUSTOMER: 'customer', SHOP: 'shop' },
  Order: {
    messages: (order: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => listOrderMessages(tx, ctx.principal.shopId, order.id)),
  },
  OrderMessage: {
    attachments: (message: OrderMessageView) => message.attachments.map((file) => ({ ...file, downloadPath: messageAttachmentPath(message.id, file.id) })),
  },
  Mutation: {
    sendOrderMessage: async (_: unknown, args: { orderId: string; body: string; attachments?: readonly File[] | null }, ctx: GraphQLContext) => {
      const orderId = requireUuid(args.orderId, 'orderId');
      return sendShopMessage(ctx.deps, { shopId: ctx.principal.shopId, orderId, body: args.body, actor: ctx.principal.actor, attachments: await uploads(args.attachments) });
    },
  },
};
