import type { PlatformApi } from '../../contract.ts';
import { createShopifyClient, type ShopifyClientOptions } from '../shopify-client.ts';
import { addOrderNote } from './add-order-note.ts';
import { createAdminGraphql } from './admin-graphql.ts';
import { buildReorder } from './build-reorder.ts';
import { createFulfillment } from './create-fulfillment.ts';
import { fetchOrder } from './fetch-order.ts';
import { listChangedOrders } from './list-changed-orders.ts';
import { pushStatus } from './push-status.ts';
import { updateTracking } from './update-tracking.ts';
import { createShopRateLimiter, type ShopRateLimiterOptions } from './shop-rate-limiter.ts';

export interface ShopifyAdminApiOptions extends ShopifyClientOptions {
  /** Pacing and retries on Shopify's throttling; timers are injectable for tests. */
  rateLimit?: ShopRateLimiterOptions;
}

/**
 * Pressline's outward half for Shopify, over the GraphQL Admin API. One instance serves
 * every shop: the connection passed to each call says which shop and token to use.
 */
export function createShopifyAdminApi(options: ShopifyAdminApiOptions): PlatformApi {
  const gql = createAdminGraphql(createShopifyClient(options), createShopRateLimiter(options.rateLimit));
  return {
    listChangedOrders: (connection, query) => listChangedOrders(gql, connection, query),
    fetchOrder: (connection, orderExternalId) => fetchOrder(gql, connection, orderExternalId),
    pushStatus: (connection, push) => pushStatus(gql, connection, push),
    createFulfillment: (connection, request) => createFulfillment(gql, connection, request),
    updateTracking: (connection, request) => updateTracking(gql, connection, request),
    addOrderNote: (connection, note) => addOrderNote(gql, connection, note),
    buildReorder: (connection, request) => buildReorder(gql, connection, request),
  };
}
