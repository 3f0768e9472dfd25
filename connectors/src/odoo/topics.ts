import type { TopicKind } from '../contract.ts';

/**
 * Odoo's webhook names no topic: the model of the record it is about (`_model`) is the
 * topic. Pressline asks for `sale.order` only; the addon's "Test" button sends
 * `pressline.ping`.
 */
export const ODOO_ORDER_TOPIC = 'sale.order';
export const ODOO_PING_TOPIC = 'pressline.ping';

export function odooTopicKind(topic: string): TopicKind {
  const normalised = topic.trim().toLowerCase();
  if (normalised === ODOO_ORDER_TOPIC) return 'order';
  if (normalised === ODOO_PING_TOPIC) return 'ping';
  return 'ignored';
}
