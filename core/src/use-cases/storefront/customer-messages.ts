import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { loadMessageAttachment, type AttachmentDownload } from '../messages/message-attachment.ts';
import { listOrderMessages, insertOrderMessage, storeMessageAttachments, type MessageAttachmentView, type MessageUpload, type OrderMessageView } from '../messages/order-messages.ts';
import { customerOrder, customerOrdersWhere } from './customer-orders.ts';
import { customerActor, type StorefrontCustomer } from './storefront-customer.ts';

/** A message as the widget reads it: each attachment with its download path under the customer API. */
export interface CustomerMessageView extends Omit<OrderMessageView, 'attachments'> {
  attachments: (MessageAttachmentView & { url: string })[];
}

function customerView(message: OrderMessageView): CustomerMessageView {
  return { ...message, attachments: message.attachments.map((file) => ({ ...file, url: `messages/${message.id}/attachments/${file.id}` })) };
}

export function customerMessages(deps: Pick<CoreDeps, 'db'>, customer: StorefrontCustomer, orderId: string): Promise<CustomerMessageView[]> {
  return withShop(deps.db, customer.shopId, async (tx) => {
    const order = await customerOrder(tx, customer, orderId);
    return (await listOrderMessages(tx, customer.shopId, order.id)).map(customerView);
  });
}

/** The customer writes in their order's thread; the operator sees it on the job detail. */
export async function postCustomerMessage(
  deps: Pick<CoreDeps, 'db' | 'files' | 'clock'>,
  customer: StorefrontCustomer,
  input: { orderId: string; body: string; attachments: MessageUpload[] },
): Promise<CustomerMessageView> {
  // Ownership first: a stranger's attachments are never stored.
  await withShop(deps.db, customer.shopId, (tx) => customerOrder(tx, customer, input.orderId));
  const stored = await storeMessageAttachments(deps.files, input.body, input.attachments);
  return withShop(deps.db, customer.shopId, async (tx) => {
    const order = await customerOrder(tx, customer, input.orderId);
    return customerView(await insertOrderMessage(tx, { shopId: customer.shopId, orderId: order.id, author: 'customer', actor: customerActor(customer), body: input.body, at: deps.clock(), attachments: stored }));
  });
}

/** A file of a message in one of the customer's own threads; another customer's is NOT_FOUND. */
export function customerMessageAttachment(
  deps: Pick<CoreDeps, 'db' | 'files'>,
  customer: StorefrontCustomer,
  input: { messageId: string; fileId: string },
): Promise<AttachmentDownload> {
  return loadMessageAttachment(deps, { shopId: customer.shopId, ...input, orders: customerOrdersWhere(customer) });
}
