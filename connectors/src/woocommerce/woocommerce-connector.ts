import type { OrderConnector } from '../contract.ts';
import { parseWooCommerceOrderReference } from './delivery-body.ts';
import { parseWooCommerceOrder } from './parse-order.ts';
import { wooCommerceTopicKind } from './topics.ts';
import { verifyWooCommerceWebhook } from './verify-webhook.ts';

/**
 * The inward half of WooCommerce. Each shop signs its webhooks with a secret of its
 * own, so `verifyDelivery` needs the shop's connection.
 */
export function createWooCommerceConnector(): OrderConnector {
  return {
    platform: 'woocommerce',
    verifyDelivery: async (request, rawBody, connection) => verifyWooCommerceWebhook(request, rawBody, connection),
    topicKind: wooCommerceTopicKind,
    // WooCommerce never retries a delivery and builds the body when it sends it, so a
    // payload may be stale or lost; action.* topics carry only the order id. The worker
    // reads the order back through the REST API.
    rereadsOrders: true,
    parseOrderReference: parseWooCommerceOrderReference,
    parseOrder: parseWooCommerceOrder,
  };
}
