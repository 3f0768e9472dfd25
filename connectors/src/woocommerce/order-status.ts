import type { FinancialStatus } from '../contract.ts';

/** What Pressline needs to know of a WooCommerce order's `status`, `date_paid` and refunds. */
export interface WooOrderStateInput {
  /** WooCommerce's status slug, without the "wc-" prefix. */
  status: string;
  /** Whether `date_paid` is set: WooCommerce sets it once payment completes. */
  paid: boolean;
  /** Whether the order has refunds (`refunds` is not empty). */
  hasRefunds: boolean;
  /** ISO time of the last change, used as the cancellation time. */
  modifiedAt: string;
}

export interface WooOrderState {
  financialStatus: FinancialStatus;
  cancelledAt: string | null;
}

// Statuses in which the order will not be fulfilled. WooCommerce records no separate
// cancellation time, so its last modification stands in for it.
const CANCELLED = new Set(['cancelled', 'failed', 'trash']);
const PAID = new Set(['processing', 'completed']);
const AWAITING_PAYMENT = new Set(['pending', 'on-hold', 'checkout-draft']);

/**
 * | status                          | date_paid | financialStatus                         | cancelledAt       |
 * |---------------------------------|-----------|-----------------------------------------|-------------------|
 * | refunded                        | any       | refunded                                | null              |
 * | processing, completed           | any       | paid (partially_refunded with refunds)  | null              |
 * | pending, on-hold, checkout-draft| unset     | pending                                 | null              |
 * | pending, on-hold, checkout-draft| set       | paid (partially_refunded with refunds)  | null              |
 * | cancelled, failed, trash        | unset     | voided                                  | date_modified_gmt |
 * | cancelled, failed, trash        | set       | paid (partially_refunded with refunds)  | date_modified_gmt |
 * | anything else (plugin statuses) | unset     | unknown                                 | null              |
 * | anything else (plugin statuses) | set       | paid (partially_refunded with refunds)  | null              |
 */
export function wooCommerceOrderState(input: WooOrderStateInput): WooOrderState {
  const status = input.status.toLowerCase().replace(/^wc-/, '');
  const cancelledAt = CANCELLED.has(status) ? input.modifiedAt : null;
  if (status === 'refunded') return { financialStatus: 'refunded', cancelledAt };
  if (input.paid || PAID.has(status)) {
    return { financialStatus: input.hasRefunds ? 'partially_refunded' : 'paid', cancelledAt };
  }
  if (CANCELLED.has(status)) return { financialStatus: 'voided', cancelledAt };
  if (AWAITING_PAYMENT.has(status)) return { financialStatus: 'pending', cancelledAt };
  return { financialStatus: 'unknown', cancelledAt };
}
