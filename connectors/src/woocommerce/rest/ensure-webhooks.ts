import type { ConnectorResult } from '../../contract.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';

/** The order events Pressline listens to; payment and status changes arrive as order.updated. */
export const WOOCOMMERCE_TOPICS = ['order.created', 'order.updated'] as const;

interface WebhookView {
  id: number;
  topic: string;
  delivery_url: string;
  status: string;
}

/**
 * Registers Pressline's webhooks on the site, and switches back on any that WooCommerce
 * disabled after failed deliveries (it never retries, and never re-enables them itself).
 * Reconciliation backfills what was missed while they were off.
 */
export async function ensureWebhooks(rest: WooRest, connection: WooCommerceConnection, deliveryUrl: string): Promise<ConnectorResult<{ created: number; reactivated: number }>> {
  const listed = await rest(connection, { operation: 'ensureWebhooks', method: 'GET', route: 'wc/v3/webhooks', query: { per_page: '100' } });
  if (!listed.ok) return listed;
  const hooks = (Array.isArray(listed.value.body) ? listed.value.body : []) as WebhookView[];
  let created = 0;
  let reactivated = 0;
  for (const topic of WOOCOMMERCE_TOPICS) {
    const existing = hooks.find((hook) => hook.topic === topic && hook.delivery_url === deliveryUrl);
    if (existing?.status === 'active') continue;
    const result = existing
      ? await rest(connection, { operation: 'ensureWebhooks', method: 'PUT', route: `wc/v3/webhooks/${existing.id}`, body: { status: 'active', secret: connection.webhookSecret } })
      : await rest(connection, {
          operation: 'ensureWebhooks',
          method: 'POST',
          route: 'wc/v3/webhooks',
          body: { name: `Pressline ${topic}`, topic, delivery_url: deliveryUrl, secret: connection.webhookSecret, status: 'active' },
        });
    if (!result.ok) return result;
    if (existing) reactivated += 1;
    else created += 1;
  }
  return { ok: true, value: { created, reactivated } };
}
