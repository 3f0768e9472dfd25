/**
 * The connector contract: every storefront platform is turned into these types.
 * Nothing from a platform SDK may appear here or leave the package.
 *
 * Ids are strings end to end (Shopify's exceed 2^53); money is integer minor units
 * in the order's currency; times are ISO 8601 strings.
 */

export type Platform = 'shopify' | 'woocommerce' | 'odoo';

export interface StorefrontOrderLine {
  externalId: string;
  productExternalId: string | null;
  variantExternalId: string | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  unitPriceMinor: number;
  /** Line-item properties as the customer entered them (design file links, options…). */
  properties: { name: string; value: string }[];
  requiresShipping: boolean;
}

export interface StorefrontCustomer {
  externalId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

export type FinancialStatus =
  | 'pending'
  | 'authorized'
  | 'paid'
  | 'partially_paid'
  | 'partially_refunded'
  | 'refunded'
  | 'voided'
  | 'unknown';

export interface StorefrontOrder {
  platform: Platform;
  externalId: string;
  /** The merchant-facing order name, e.g. "#9999". */
  name: string;
  /** ISO 4217 code, upper case. */
  currency: string;
  totalMinor: number;
  financialStatus: FinancialStatus;
  cancelledAt: string | null;
  placedAt: string;
  updatedAt: string;
  customer: StorefrontCustomer;
  note: string | null;
  tags: string[];
  lines: StorefrontOrderLine[];
}

/** An incoming delivery whose signature has been checked. */
export interface VerifiedDelivery {
  platform: Platform;
  /** Lower-cased store domain, e.g. "jsmith.myshopify.com". */
  shopDomain: string;
  /** The platform's own topic name as sent, lower-cased, e.g. "orders/create". */
  topic: string;
  /** Stays the same across retries of one delivery: the intake's idempotency key. */
  deliveryKey: string;
  /** Shared by every delivery caused by the same merchant action, when the platform sends one. */
  eventId: string | null;
  triggeredAt: string | null;
  apiVersion: string | null;
}

export type VerifyResult =
  | { ok: true; delivery: VerifiedDelivery }
  | { ok: false; reason: 'missing_headers' | 'invalid_signature'; message: string };

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'malformed_payload'; message: string };

export interface OrderConnector {
  readonly platform: Platform;
  /**
   * Checks the delivery's signature over `rawBody` (the exact bytes received, as text)
   * before anything is parsed.
   */
  verifyDelivery(request: Request, rawBody: string): Promise<VerifyResult>;
  /** Normalises an order payload; call only after `verifyDelivery` succeeded. */
  parseOrder(rawBody: string): ParseResult<StorefrontOrder>;
}
