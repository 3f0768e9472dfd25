import type { TopicKind } from '../contract.ts';

/** The topic a WooCommerce creation ping verifies as: it carries no topic header of its own. */
export const PING_TOPIC = 'ping';

const ORDER_TOPICS = new Set(['order.created', 'order.updated', 'order.deleted', 'order.restored']);

// Custom `action.<hook>` topics whose first hook argument is an order id.
const ORDER_ACTIONS = new Set([
  'action.woocommerce_payment_complete',
  'action.woocommerce_order_status_changed',
  'action.woocommerce_order_refunded',
  'action.woocommerce_checkout_order_processed',
]);
const ORDER_STATUS_ACTION = /^action\.woocommerce_order_status_[a-z0-9_-]+$/;

/** WooCommerce topic names (lower-cased, as sent in X-WC-Webhook-Topic) and what they ask of us. */
export function wooCommerceTopicKind(topic: string): TopicKind {
  if (topic === PING_TOPIC) return 'ping';
  if (ORDER_TOPICS.has(topic) || ORDER_ACTIONS.has(topic) || ORDER_STATUS_ACTION.test(topic)) return 'order';
  return 'ignored';
}
