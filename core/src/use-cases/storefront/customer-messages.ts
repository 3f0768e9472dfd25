import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { listOrderMessages, insertOrderMessage, type OrderMessageView } from '../messages/order-messages.ts';
import { customerOrder } from './customer-orders.ts';
import { customerActor, type StorefrontCustomer } from './storefront-customer.ts';

/** Largest attachment a customer may send with a message. */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export function customerMessages(deps: Pick<CoreDeps, 'db'>, customer: StorefrontCustomer, orderId: string): Promise<OrderMessageView[]> {
  return withShop(deps.db, customer.shopId, async (tx) => {
    const order = await customerOrder(tx, customer, orderId);
    return listOrderMessages(tx, customer.shopId, order.id);
  });
}

/** The customer writes in their order's thread; the operator sees it on the job detail. */
export async function postCustomerMessage(
  deps: Pick<CoreDeps, 'db' | 'files' | 'clock'>,
  customer: StorefrontCustomer,
  input: { orderId: string; body: string; attachments: { name: string; bytes: Uint8Array }[] },
): Promise<OrderMessageView> {
  // Ownership first: a stranger's attachments are never stored.
  await withShop(deps.db, customer.shopId, (tx) => customerOrder(tx, customer, input.orderId));
  const stored: { name: string; sha256: string; sizeBytes: number }[] = [];
  for (const attachment of input.attachments) stored.push({ name: attachment.name, ...(await deps.files.put(attachment.bytes)) });
  return withShop(deps.db, customer.shopId, async (tx) => {
    const order = await customerOrder(tx, customer, input.orderId);
    return insertOrderMessage(tx, { shopId: customer.shopId, orderId: order.id, author: 'customer', actor: customerActor(customer), body: input.body, at: deps.clock(), attachments: stored });
  });
}
