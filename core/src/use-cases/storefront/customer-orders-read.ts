import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { customerOrderView, type CustomerOrderView } from './customer-order-view.ts';
import { customerOrder, listCustomerOrders } from './customer-orders.ts';
import type { StorefrontCustomer } from './storefront-customer.ts';

/**
 * The customer's newest orders, each as the status widget shows it; `externalId` narrows
 * to the platform's order (a widget on the platform's own order page knows only that id).
 */
export function customerOrderViews(deps: Pick<CoreDeps, 'db'>, customer: StorefrontCustomer, filter: { externalId?: string | null } = {}): Promise<CustomerOrderView[]> {
  return withShop(deps.db, customer.shopId, async (tx) => {
    const views = [];
    for (const order of await listCustomerOrders(tx, customer, filter.externalId ?? null)) views.push(await customerOrderView(tx, customer.shopId, order));
    return views;
  });
}

export function customerOrderViewById(deps: Pick<CoreDeps, 'db'>, customer: StorefrontCustomer, orderId: string): Promise<CustomerOrderView> {
  return withShop(deps.db, customer.shopId, async (tx) => customerOrderView(tx, customer.shopId, await customerOrder(tx, customer, orderId)));
}
