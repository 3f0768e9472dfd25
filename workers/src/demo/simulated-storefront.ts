import { buildShopifyOrderPayload, signShopifyWebhook, type SimulatedOrder } from '@pressline/connectors';

export interface SimulatedDelivery {
  baseUrl: string;
  secret: string;
  shopDomain: string;
  order: SimulatedOrder;
  /** Stays the same across retries, as Shopify's does. */
  webhookId: string;
  topic?: string;
}

/** Posts a signed `orders/paid` delivery the way Shopify does, through the real endpoint. */
export async function sendShopifyOrder(delivery: SimulatedDelivery): Promise<Response> {
  const rawBody = buildShopifyOrderPayload(delivery.order);
  const headers = signShopifyWebhook({
    rawBody,
    secret: delivery.secret,
    topic: delivery.topic ?? 'orders/paid',
    shopDomain: delivery.shopDomain,
    webhookId: delivery.webhookId,
    eventId: `event-${delivery.webhookId}`,
  });
  return fetch(new URL('/webhooks/shopify', delivery.baseUrl), { method: 'POST', headers, body: rawBody });
}
