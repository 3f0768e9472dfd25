import type { OrderConnector } from '../contract.ts';
import { parseOdooOrder, parseOdooOrderReference } from './parse-order.ts';
import { odooTopicKind } from './topics.ts';
import { verifyOdooWebhook } from './verify-webhook.ts';

/** The inward half of the Odoo connector: webhook notifications from the Pressline addon. */
export function createOdooConnector(): OrderConnector {
  return {
    platform: 'odoo',
    topicKind: odooTopicKind,
    verifyDelivery: (request, rawBody, connection) => verifyOdooWebhook(request, rawBody, connection),
    // The notification names the order; the order is read back with PlatformApi.fetchOrder.
    rereadsOrders: true,
    parseOrderReference: parseOdooOrderReference,
    parseOrder: parseOdooOrder,
  };
}
