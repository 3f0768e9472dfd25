import type { OrderConnector } from '../contract.ts';
import { parseShopifyComplianceRequest } from './parse-compliance.ts';
import { parseShopifyOrder } from './parse-order.ts';
import { createShopifyClient, type ShopifyClientOptions } from './shopify-client.ts';
import { shopifyTopicKind } from './topics.ts';
import { verifyShopifyWebhook } from './verify-webhook.ts';

export type ShopifyConnectorConfig = ShopifyClientOptions;

export function createShopifyConnector(config: ShopifyConnectorConfig): OrderConnector {
  const shopify = createShopifyClient(config);
  return {
    platform: 'shopify',
    verifyDelivery: (request, rawBody) => verifyShopifyWebhook(shopify, request, rawBody),
    topicKind: shopifyTopicKind,
    // The webhook body is Shopify's full REST Order resource.
    rereadsOrders: false,
    parseOrderReference: (rawBody) => {
      const parsed = parseShopifyOrder(rawBody);
      return parsed.ok ? { ok: true, value: { externalId: parsed.value.externalId } } : parsed;
    },
    parseOrder: parseShopifyOrder,
    parseComplianceRequest: parseShopifyComplianceRequest,
  };
}
