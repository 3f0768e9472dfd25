import type { Platform } from '@pressline/connectors';

/**
 * Who is asking through a storefront widget, once a signature proved it: a shop's
 * logged-in customer (the platform's customer id) or, on WooCommerce, a guest who holds
 * one order's key. Every storefront read is narrowed to what this one may see.
 */
export type StorefrontCustomer =
  | { kind: 'customer'; shopId: string; platform: Platform; customerExternalId: string }
  | { kind: 'guest_order'; shopId: string; platform: Platform; orderExternalId: string };

export function customerActor(customer: StorefrontCustomer): string {
  return customer.kind === 'customer' ? `customer:${customer.customerExternalId}` : `customer:order-${customer.orderExternalId}`;
}
