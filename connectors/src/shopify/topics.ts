import type { TopicKind } from '../contract.ts';

/** Shopify's topic names (lower-cased, as sent in X-Shopify-Topic) and what they ask of us. */
const TOPIC_KINDS: Record<string, TopicKind> = {
  'orders/create': 'order',
  'orders/paid': 'order',
  'orders/updated': 'order',
  'orders/cancelled': 'order',
  'app/uninstalled': 'app_uninstalled',
  'customers/redact': 'customer_redact',
  'customers/data_request': 'customer_data_request',
  'shop/redact': 'shop_redact',
};

export function shopifyTopicKind(topic: string): TopicKind {
  return TOPIC_KINDS[topic] ?? 'ignored';
}
