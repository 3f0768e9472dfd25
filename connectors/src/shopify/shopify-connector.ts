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
    parseOrder: parseShopifyOrder,
    parseComplianceRequest: parseShopifyComplianceRequest,
  };
}
