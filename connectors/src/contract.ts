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

/** Where an order ships to; personal data, erased with the customer's on a privacy request. */
export interface StorefrontAddress {
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string | null;
  phone: string | null;
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
  /** Null for an order that ships nowhere (pickup, digital). */
  shippingAddress: StorefrontAddress | null;
  /** The shipping method as the customer chose it, e.g. "Standard (3–5 days)" or "Local pickup". */
  shippingMethod: string | null;
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

/** What a delivery's topic asks of Pressline. */
export type TopicKind = 'order' | 'ping' | 'app_uninstalled' | 'customer_redact' | 'customer_data_request' | 'shop_redact' | 'ignored';

/** A privacy request the platform relays from a customer or a departing merchant. */
export type ComplianceRequest =
  | { kind: 'customer_redact'; customer: CustomerReference; orderExternalIds: string[] }
  | { kind: 'customer_data_request'; customer: CustomerReference; orderExternalIds: string[]; requestId: string | null }
  | { kind: 'shop_redact' };

export interface CustomerReference {
  externalId: string | null;
  email: string | null;
}

export interface OrderConnector {
  readonly platform: Platform;
  /** How this platform's topic names map onto what Pressline does with a delivery. */
  topicKind(topic: string): TopicKind;
  /**
   * Checks the delivery's signature over `rawBody` (the exact bytes received, as text)
   * before anything is parsed. Platforms that sign with a per-shop secret (WooCommerce,
   * Odoo) take it from `connection`, the shop named in the delivery URL; Shopify signs
   * with the app's secret and ignores it. A platform's set-up ping verifies as topic "ping".
   */
  verifyDelivery(request: Request, rawBody: string, connection?: ShopConnection | null): Promise<VerifyResult>;
  /**
   * True when a delivery is only a notice and the order must be read back through the
   * platform API (`PlatformApi.fetchOrder`); false when the payload is the whole order.
   */
  readonly rereadsOrders: boolean;
  /** Which order a delivery is about. */
  parseOrderReference(rawBody: string): ParseResult<{ externalId: string }>;
  /** Normalises an order payload; call only after `verifyDelivery` succeeded. */
  parseOrder(rawBody: string): ParseResult<StorefrontOrder>;
  /** Normalises a privacy request (only platforms that relay them implement it). */
  parseComplianceRequest?(kind: 'customer_redact' | 'customer_data_request' | 'shop_redact', rawBody: string): ParseResult<ComplianceRequest>;
}

/**
 * How Pressline reaches one shop's platform API: settings plus decrypted secrets.
 * Built by core from the shop's stored credentials for one call; never logged.
 */
export type ShopConnection =
  | { platform: 'shopify'; shopDomain: string; accessToken: string; refreshToken?: string | null }
  | { platform: 'woocommerce'; siteUrl: string; consumerKey: string; consumerSecret: string; webhookSecret: string }
  | { platform: 'odoo'; url: string; database: string; username: string; apiKey: string; version: 17 | 18 | 19; webhookSecret: string };

/** Why a platform call did not succeed; `throttled` says when to try again. */
export type ConnectorFailure =
  | { ok: false; reason: 'throttled'; retryAfterMs: number; message: string }
  | { ok: false; reason: 'unauthorized' | 'not_found' | 'rejected' | 'unavailable'; message: string };

export type ConnectorResult<T> = { ok: true; value: T } | ConnectorFailure;

export interface ChangedOrdersQuery {
  /** ISO timestamp: orders whose platform `updated_at` is at or after it. */
  updatedSince: string;
  /** The previous page's `nextCursor`, or null for the first page. */
  cursor: string | null;
  limit: number;
}

export interface ChangedOrdersPage {
  orders: StorefrontOrder[];
  nextCursor: string | null;
}

export interface FulfillmentRequest {
  orderExternalId: string;
  /** Partial fulfillment: only these lines and quantities. */
  lines: { lineExternalId: string; quantity: number }[];
  carrier: string | null;
  trackingNumbers: string[];
  trackingUrl: string | null;
  notifyCustomer: boolean;
  /** Same key, same fulfillment: a retry after a lost response must not create a second one. */
  idempotencyKey: string;
}

/**
 * Changes the carrier and tracking of a fulfillment already created (by `createFulfillment`).
 * Idempotent: setting the same tracking again changes nothing.
 */
export interface TrackingUpdate {
  orderExternalId: string;
  /** What `createFulfillment` returned. */
  fulfillmentExternalId: string;
  carrier: string | null;
  trackingNumbers: string[];
  trackingUrl: string | null;
  notifyCustomer: boolean;
}

export interface StatusPush {
  orderExternalId: string;
  /** Pressline's customer-visible status key, e.g. "in_production". */
  status: string;
  label: string;
  idempotencyKey: string;
}

export interface OrderNote {
  orderExternalId: string;
  note: string;
  customerVisible: boolean;
}

export interface ReorderRequest {
  order: StorefrontOrder;
  /** Only these lines; all when omitted. */
  lineExternalIds?: string[];
}

export interface Reorder {
  kind: 'draft_order' | 'cart' | 'quotation';
  externalId: string | null;
  /** Where the customer (or merchant) completes the reorder. */
  url: string;
}

/** The outward half of a connector: reading orders back and pushing state to the platform. */
export interface PlatformApi {
  listChangedOrders(connection: ShopConnection, query: ChangedOrdersQuery): Promise<ConnectorResult<ChangedOrdersPage>>;
  fetchOrder(connection: ShopConnection, orderExternalId: string): Promise<ConnectorResult<StorefrontOrder>>;
  pushStatus(connection: ShopConnection, push: StatusPush): Promise<ConnectorResult<void>>;
  createFulfillment(connection: ShopConnection, request: FulfillmentRequest): Promise<ConnectorResult<{ fulfillmentExternalId: string; created: boolean }>>;
  /**
   * Changes the carrier/tracking of a fulfillment already created. Idempotent: setting the
   * same tracking again changes nothing (a retry after a lost response is a no-op).
   * Optional: platforms that cannot change a shipment's tracking leave it out.
   */
  updateTracking?(connection: ShopConnection, request: TrackingUpdate): Promise<ConnectorResult<void>>;
  addOrderNote(connection: ShopConnection, note: OrderNote): Promise<ConnectorResult<void>>;
  buildReorder(connection: ShopConnection, request: ReorderRequest): Promise<ConnectorResult<Reorder>>;
  /**
   * Keeps the platform's webhooks to Pressline registered and active, for platforms where
   * the app registers them itself and the platform may switch them off (WooCommerce
   * disables a webhook after repeated failed deliveries).
   */
  ensureWebhooks?(connection: ShopConnection, target: { deliveryUrl: string }): Promise<ConnectorResult<{ created: number; reactivated: number }>>;
}
