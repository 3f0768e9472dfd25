import type { OrderConnector, Platform, PlatformApi, Reorder, ShopConnection } from '@pressline/connectors';
import type { HttpHandler } from 'msw';

/** A line as the battery seeds it: what every platform can hold. Prices are in USD cents. */
export interface SeedLine {
  title: string;
  quantity: number;
  unitPriceMinor: number;
}

/** A webhook as the platform sends it: the request with its headers, and the exact body text. */
export interface SignedDelivery {
  request: Request;
  rawBody: string;
}

/**
 * One connector (inward and outward halves) wired to its platform stand-in, fresh for one
 * test. The battery drives the connector only through the contract; the harness is how it
 * sets the platform up and looks at what the platform holds afterwards, in that platform's
 * own terms (Shopify fulfillments, WooCommerce tracking items, Odoo deliveries).
 */
export interface ConnectorHarness {
  readonly platform: Platform;
  readonly connector: OrderConnector;
  readonly api: PlatformApi;
  /** The shop's connection, holding the API credentials and the webhook secret. */
  readonly connection: ShopConnection;
  /** The stand-in's msw handlers; the suite installs them for this test. */
  readonly handlers: readonly HttpHandler[];

  /** The header that authenticates a delivery. */
  readonly signatureHeader: string;
  /**
   * True when the signature is an HMAC over the raw body, so changing one byte breaks it;
   * false when the platform sends a shared secret beside an unsigned body (Odoo).
   */
  readonly bodyIsSigned: boolean;
  /** How many throttled answers in a row one read rides out (waiting) before handing `throttled` back. */
  readonly readRetryBudget: number;

  /** The manual clock the stand-in and the adapter share, in ms since the epoch. */
  now(): number;
  advance(ms: number): void;
  /** Every wait the adapter asked for; the injected sleep only moves the manual clock. */
  waits(): readonly number[];

  /** A paid (confirmed, processing) order holding `lines` in this order; returns its external id. */
  seedPaidOrder(lines: readonly SeedLine[]): string;
  /** The platform's own ids of the order's lines, in seed order. */
  lineIdsOf(orderExternalId: string): string[];
  /** A merchant's edit: the order's modification time moves to now. No delivery is sent. */
  touch(orderExternalId: string): void;
  /**
   * The delivery the platform sends, and sends again, for the order as it is now, signed
   * with the shop's secret or with `secret` instead.
   */
  signedDelivery(orderExternalId: string, options?: { secret?: string }): SignedDelivery;

  /** The next `times` reads are refused as throttled (with a Retry-After or its platform equivalent). */
  throttleNextRead(times: number): void;
  /** The next fulfillment write is applied by the platform and its answer lost (HTTP 500). */
  failNextFulfillmentAfterApplying(orderExternalId: string): void;
  /** How many fulfillments (shipments) the platform holds for the order. */
  fulfillmentsOf(orderExternalId: string): number;
  /** How many times the platform shows this status on the order. */
  statusShownCount(orderExternalId: string, status: { status: string; label: string }): number;
  /** The lines of what `buildReorder` made on the platform, as titles and quantities. */
  reorderedLines(reorder: Reorder): Promise<{ title: string; quantity: number }[]>;
}
