import type { HttpHandler } from 'msw';
import type {
  FakeDraftOrder,
  FakeFulfillment,
  FakeFulfillmentOrder,
  FakeOrder,
  FakeOrderLineSeed,
  FakeOrderSeed,
} from './fake-admin-store.ts';

export type { FakeDraftOrder, FakeFulfillment, FakeFulfillmentOrder, FakeOrder, FakeOrderLineSeed, FakeOrderSeed };

/**
 * A stand-in for one shop's GraphQL Admin API, for tests: msw answers
 * `POST https://<shop>/admin/api/<version>/graphql.json` from an in-memory shop,
 * validating each operation against the documented schema, charging Shopify's
 * calculated query cost against a leaky bucket and answering `THROTTLED` when it runs
 * dry. Switches inject the failures a real shop produces.
 */
export interface FakeShopifyAdmin {
  readonly shopDomain: string;
  readonly accessToken: string;
  /** msw handlers, for a test that runs its own msw server. */
  readonly handlers: HttpHandler[];
  /** Every request that reached the fake, in order. */
  readonly requests: readonly FakeAdminRequest[];

  /** Starts an msw server with this fake's handlers; unknown requests fail the test. */
  /**
   * Intercepts this process's fetch. Unhandled requests fail by default; a test that also
   * talks to its own server on loopback passes `{ unhandled: 'bypass' }`.
   */
  listen(options?: { unhandled?: 'error' | 'bypass' }): void;
  close(): void;

  seedOrder(seed: FakeOrderSeed): FakeOrder;
  /** Marks an order changed (bumps updatedAt), as a merchant edit would. */
  touchOrder(orderId: string, updatedAt?: string): void;

  order(orderId: string): FakeOrder | undefined;
  fulfillments(orderId: string): FakeFulfillment[];
  fulfillmentOrders(orderId: string): FakeFulfillmentOrder[];
  metafield(orderId: string, namespace: string, key: string): string | null;
  draftOrders(): FakeDraftOrder[];

  /**
   * The next request matching `kind` (operation type, or a root field name such as
   * "fulfillmentCreate") is answered with `status`. With `afterApplying` the operation
   * runs first: the change is made and the response is lost, as when Shopify applies a
   * mutation and the connection fails on the way back. `status: 'network'` drops the
   * connection instead of answering. `skip` lets that many matching requests through
   * first; `times` fails that many in a row.
   */
  failNext(kind: FakeRequestKind, options: { status: number | 'network'; afterApplying?: boolean; skip?: number; times?: number }): void;
  /** The next requests answer `THROTTLED` (HTTP 200) without running, whatever the bucket holds. */
  throttleNext(options?: { kind?: FakeRequestKind; times?: number }): void;
  /** The next requests answer HTTP 429 with `Retry-After`. */
  rateLimitNext(options?: { kind?: FakeRequestKind; retryAfterSeconds?: number; times?: number }): void;
  /** Sets how many points the shop's bucket holds now. */
  setAvailablePoints(points: number): void;
}

/** 'query', 'mutation', 'any', or a root field name ("orders", "fulfillmentCreate"…). */
export type FakeRequestKind = string;

export interface FakeAdminRequest {
  apiVersion: string;
  operationName: string | null;
  operation: 'query' | 'mutation' | null;
  rootFields: string[];
  variables: Record<string, unknown>;
  status: number | 'network';
  outcome: 'ok' | 'throttled' | 'failed' | 'unauthorized' | 'invalid';
}

export interface FakeShopifyAdminOptions {
  /** Defaults to "pressline-test.myshopify.com". */
  shopDomain?: string;
  /** The token the fake accepts; any other gets 401. Defaults to "shpat_fake_admin_token". */
  accessToken?: string;
  /** Decides which tokens are valid instead of `accessToken` (e.g. whatever an OAuth stand-in issued last). */
  acceptsToken?: (token: string) => boolean;
  /** Milliseconds since the epoch; drives the bucket's restore and timestamps. Defaults to Date.now. */
  now?: () => number;
  /** Shopify's Standard plan: 2000 points, restoring 100 per second. */
  bucket?: { maximumAvailable?: number; restoreRate?: number };
  /** Shopify refuses a single query whose requested cost exceeds 1000. */
  maxQueryCost?: number;
}

/**
 * Builds the fake. msw and graphql are loaded only here, so production code that
 * imports this package never loads them.
 */
export async function createFakeShopifyAdmin(options: FakeShopifyAdminOptions = {}): Promise<FakeShopifyAdmin> {
  const { buildFakeShopifyAdmin } = await import('./fake-admin-server.ts');
  return buildFakeShopifyAdmin(options);
}
