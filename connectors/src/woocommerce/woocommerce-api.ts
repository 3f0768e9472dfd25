import type { PlatformApi, ShopConnection } from '../contract.ts';
import { addOrderNote } from './rest/order-notes.ts';
import { buildReorder } from './rest/build-reorder.ts';
import { createFulfillment } from './rest/create-fulfillment.ts';
import { fetchOrder } from './rest/fetch-order.ts';
import { listChangedOrders } from './rest/list-changed-orders.ts';
import { pushStatus } from './rest/push-status.ts';
import { createWooRest, type WooCommerceConnection } from './rest/rest-client.ts';
import { ensureWebhooks } from './rest/ensure-webhooks.ts';

export interface WooCommerceApiOptions {
  /** Replaces the global fetch (looked up per call otherwise, so msw can intercept it). */
  fetch?: typeof fetch;
  /** The clock: OAuth timestamps, shipment dates, Retry-After dates. */
  now?: () => Date;
  /** Per request; default 30 s. */
  timeoutMs?: number;
}

/** The outward half of WooCommerce: its REST API (/wp-json/wc/v3/) for one shop per call. */
export function createWooCommerceApi(options: WooCommerceApiOptions = {}): PlatformApi {
  const now = options.now ?? (() => new Date());
  const rest = createWooRest({ ...(options.fetch ? { fetch: options.fetch } : {}), now, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  return {
    listChangedOrders: (connection, query) => listChangedOrders(rest, woo(connection), query),
    fetchOrder: (connection, orderExternalId) => fetchOrder(rest, woo(connection), orderExternalId),
    pushStatus: (connection, push) => pushStatus(rest, woo(connection), push),
    createFulfillment: (connection, request) => createFulfillment({ rest, connection: woo(connection), request, now }),
    addOrderNote: (connection, note) => addOrderNote(rest, woo(connection), note),
    buildReorder: (connection, request) => buildReorder({ rest, connection: woo(connection), request }),
    ensureWebhooks: (connection, target) => ensureWebhooks(rest, woo(connection), target.deliveryUrl),
  };
}

// Handing a Shopify or Odoo connection to the WooCommerce API is a wiring bug, not a
// platform answer: it throws.
function woo(connection: ShopConnection): WooCommerceConnection {
  if (connection.platform !== 'woocommerce') {
    throw new TypeError(`the WooCommerce API was given a ${connection.platform} connection`);
  }
  return connection;
}
