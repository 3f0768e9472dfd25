import { BadRequestError } from '../../errors.ts';
import { listOrderMessages } from '../../use-cases/messages/order-messages.ts';
import { sendShopMessage } from '../../use-cases/messages/send-shop-message.ts';
import type { OrderRow } from '../../use-cases/order-status/load-order-status.ts';
import type { GraphQLContext } from './context.ts';
import { isUuid } from './ids.ts';

export const messagesResolvers = {
  MessageAuthor: { CUSTOMER: 'customer', SHOP: 'shop' },
  Order: {
    messages: (order: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.inShop((tx) => listOrderMessages(tx, ctx.principal.shopId, order.id)),
  },
  Mutation: {
    sendOrderMessage: (_: unknown, args: { orderId: string; body: string }, ctx: GraphQLContext) => {
      if (!isUuid(args.orderId)) throw new BadRequestError('Invalid order id');
      return sendShopMessage(ctx.deps, { shopId: ctx.principal.shopId, orderId: args.orderId, body: args.body, actor: ctx.principal.actor });
    },
  },
};
