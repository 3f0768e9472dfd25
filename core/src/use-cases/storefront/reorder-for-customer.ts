import type { Reorder } from '@pressline/connectors';
import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError } from '../../errors.ts';
import { freshShopConnection } from '../shops/fresh-connection.ts';
import { customerOrder } from './customer-orders.ts';
import type { StorefrontCustomer } from './storefront-customer.ts';

/**
 * The platform's cart or draft order repeating one of the customer's orders: the same
 * products, options and quantities, and the original file links as line properties, so
 * nothing is uploaded again. The new order's links are files Pressline already holds
 * (unique per origin), so unchanged files are not fetched or checked a second time.
 */
export async function reorderForCustomer(
  deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock' | 'shopifyAuth' | 'platformApis'>,
  customer: StorefrontCustomer,
  input: { orderId: string; lineIds?: string[] },
): Promise<Reorder> {
  const order = await withShop(deps.db, customer.shopId, (tx) => customerOrder(tx, customer, input.orderId));
  const api = deps.platformApis[customer.platform];
  const connection = await freshShopConnection(deps, customer.shopId);
  if (!api || !connection) throw new BadRequestError('Reordering is not available in this shop yet');
  // The platform's own copy of the order: it holds the variant ids and properties the cart needs.
  const fetched = await api.fetchOrder(connection, order.externalId);
  if (!fetched.ok) throw new BadRequestError(`The shop could not find the order to repeat: ${fetched.message}`);
  const built = await api.buildReorder(connection, { order: fetched.value, ...(input.lineIds ? { lineExternalIds: input.lineIds } : {}) });
  if (!built.ok) throw new BadRequestError(`The shop could not prepare the reorder: ${built.message}`);
  return built.value;
}
