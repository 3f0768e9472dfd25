import type { SimulatedOrder } from '@pressline/connectors';
import { signAppProxyQuery } from '@pressline/core';
import { placeOrder } from './orders.ts';
import type { TestApp } from './test-app.ts';

export interface ProxyVisitor {
  shop: string;
  /** Empty for a visitor who is not logged in. */
  customerId: string;
}

/** The query Shopify's app proxy adds to a forwarded request, signed with `secret`. */
export function appProxyQuery(visitor: ProxyVisitor, secret: string, extra: Record<string, string> = {}, at: Date = new Date()): URLSearchParams {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const query = new URLSearchParams({ ...extra, shop: visitor.shop, logged_in_customer_id: visitor.customerId, path_prefix: '/apps/pressline', timestamp });
  query.set('signature', signAppProxyQuery(query, secret));
  return query;
}

/** A request as Shopify's app proxy forwards it to `/storefront<path>`. */
export function viaAppProxy(app: TestApp, visitor: ProxyVisitor, path: string, init: RequestInit = {}, secret = app.secret): Promise<Response> {
  const url = new URL(`${app.baseUrl}/storefront${path}`);
  for (const [name, value] of appProxyQuery(visitor, secret, Object.fromEntries(url.searchParams))) url.searchParams.set(name, value);
  return fetch(url, init);
}

/** A Shopify order placed by a logged-in customer (the webhook carries the customer). Ids below 2^53: the payload is re-serialised. */
export function placeCustomerOrder(app: TestApp, shopDomain: string, order: SimulatedOrder, customerId: string): Promise<void> {
  return placeOrder(app, shopDomain, order, {
    edit: (payload) => JSON.stringify({ ...JSON.parse(payload), customer: { id: Number(customerId), email: order.email ?? null } }),
  });
}
