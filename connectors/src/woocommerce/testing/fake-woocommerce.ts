import type { HttpHandler } from 'msw';
import type { ShopConnection } from '../../contract.ts';
import type { FakeOrderNote, FakeWooOrder, Json } from './fake-woocommerce-store.ts';
import type { FakeWebhook } from './fake-woocommerce-webhooks.ts';

export type { FakeOrderNote, FakeWebhook, FakeWooOrder, Json };

/**
 * A stand-in for one WooCommerce site, for tests: msw answers `<site>/wp-json/*` from
 * an in-memory shop the way WooCommerce's REST v3 controllers and the Shipment Tracking
 * extension would: orders (seeded from the REST docs' sample order), notes, meta_data,
 * tracking items, `X-WP-Total`/`X-WP-TotalPages`, `modified_after` as WP_Date_Query
 * reads it, and WC_REST_Authentication (Basic over https, OAuth 1.0a over http).
 * Switches inject what real sites do: failures, lost responses, throttling.
 */
export interface FakeWooCommerce {
  /** The site's home URL, without a trailing slash. */
  readonly siteUrl: string;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly webhookSecret: string;
  /** msw handlers, for a test that runs its own msw server. */
  readonly handlers: HttpHandler[];
  /** Every request that reached the fake, in order. */
  readonly requests: readonly FakeWooRequest[];

  /** The connection Pressline would hold for this site. */
  connection(): Extract<ShopConnection, { platform: 'woocommerce' }>;
  /** Starts an msw server with this fake's handlers; unknown requests fail the test. */
  listen(): void;
  close(): void;

  /**
   * Adds an order in its REST shape: the docs' sample order (727) with `overrides`
   * applied. Without an `id` the sample's is used, or the next free one.
   */
  seedOrder(overrides?: Partial<FakeWooOrder>): FakeWooOrder;
  /** A merchant's edit in wp-admin: applies the change and bumps date_modified. */
  editOrder(orderId: number, change: { status?: string; meta?: Record<string, Json>; customerNote?: string }): FakeWooOrder;
  /** The order as GET /wc/v3/orders/<id> returns it. */
  order(orderId: number): FakeWooOrder | undefined;
  /** The order's webhook body, encoded as WooCommerce encodes it. */
  webhookBody(orderId: number): string;
  /** Newest first. */
  notes(orderId: number): FakeOrderNote[];
  /** The first order meta value under `key`. */
  meta(orderId: number, key: string): Json | undefined;
  /** `_wc_shipment_tracking_items`, where both the extension and its fallback keep them. */
  trackingItems(orderId: number): Record<string, Json>[];
  /** Installs or removes the Shipment Tracking extension (its REST routes). */
  setShipmentTracking(installed: boolean): void;
  /** The site's registered webhooks, secrets included (as the site's database holds them). */
  webhooks(): FakeWebhook[];
  /** What WooCommerce does to webhooks whose deliveries kept failing. */
  disableWebhooks(): void;

  /**
   * The next request matching `method`/`route` (a prefix of the path under /wp-json/, or
   * a RegExp) is answered with `status`. With `afterApplying` it is handled first: the
   * change is made and the response is lost. `'network'` drops the connection.
   */
  failNext(options: { status: number | 'network'; afterApplying?: boolean; method?: string; route?: string | RegExp; times?: number }): void;
  /** The next matching requests get 429 (or 503) with `Retry-After`, as a host or WAF sends. */
  throttleNext(retryAfterSeconds: number, options?: { status?: 429 | 503; method?: string; route?: string | RegExp; times?: number }): void;
}

export interface FakeWooRequest {
  method: string;
  /** The path under /wp-json/, e.g. "wc/v3/orders/727". */
  route: string;
  query: Record<string, string>;
  body: unknown;
  status: number | 'network';
  outcome: 'ok' | 'error' | 'failed' | 'throttled' | 'unauthorized';
}

export interface FakeWooCommerceOptions {
  /** Defaults to "https://shop.example.test"; an http:// site authenticates with OAuth 1.0a. */
  siteUrl?: string;
  consumerKey?: string;
  consumerSecret?: string;
  /** What the API key may do. Defaults to read_write. */
  permissions?: 'read' | 'write' | 'read_write';
  webhookSecret?: string;
  /** Whether the Shipment Tracking extension is installed. Defaults to false. */
  shipmentTracking?: boolean;
  /** Milliseconds since the epoch. Defaults to Date.now. */
  now?: () => number;
  /** The site's timezone offset, for the non-GMT date fields. Defaults to 0. */
  utcOffsetMinutes?: number;
}

/** Builds the fake. msw is loaded only here, so code importing this package never loads it. */
export async function createFakeWooCommerce(options: FakeWooCommerceOptions = {}): Promise<FakeWooCommerce> {
  const { buildFakeWooCommerce } = await import('./fake-woocommerce-server.ts');
  return buildFakeWooCommerce(options);
}
