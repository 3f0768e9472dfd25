import type { RouteResult } from './fake-woocommerce-routes.ts';

// The webhooks resource of WooCommerce's REST v3 (WC_REST_Webhooks_Controller): what a
// site stores when an app registers its delivery URL, and the status WooCommerce sets to
// "disabled" after repeated failed deliveries (woocommerce_max_webhook_delivery_failures).

export interface FakeWebhook {
  id: number;
  name: string;
  status: 'active' | 'paused' | 'disabled';
  topic: string;
  delivery_url: string;
  secret: string;
  failure_count: number;
}

const STATUSES = new Set(['active', 'paused', 'disabled']);

export class FakeWebhookStore {
  readonly hooks = new Map<number, FakeWebhook>();
  private nextId = 1;

  list(): RouteResult {
    return { status: 200, body: [...this.hooks.values()].map(view), headers: { 'X-WP-Total': String(this.hooks.size), 'X-WP-TotalPages': '1' } };
  }

  create(body: unknown): RouteResult {
    const input = (body ?? {}) as Partial<FakeWebhook>;
    if (!input.topic || !input.delivery_url) return invalid('topic, delivery_url');
    if (input.status !== undefined && !STATUSES.has(input.status)) return invalid('status');
    const hook: FakeWebhook = { id: this.nextId++, name: input.name ?? '', status: input.status ?? 'active', topic: input.topic, delivery_url: input.delivery_url, secret: input.secret ?? '', failure_count: 0 };
    this.hooks.set(hook.id, hook);
    return { status: 201, body: view(hook) };
  }

  update(id: number, body: unknown): RouteResult {
    const hook = this.hooks.get(id);
    if (!hook) return { status: 404, body: { code: 'woocommerce_rest_webhook_invalid_id', message: 'Invalid ID.', data: { status: 404 } } };
    const input = (body ?? {}) as Partial<FakeWebhook>;
    if (input.status !== undefined && !STATUSES.has(input.status)) return invalid('status');
    Object.assign(hook, input.status ? { status: input.status } : {}, input.secret ? { secret: input.secret } : {}, input.delivery_url ? { delivery_url: input.delivery_url } : {});
    if (hook.status === 'active') hook.failure_count = 0;
    return { status: 200, body: view(hook) };
  }

  /** What WooCommerce does after more than five failed deliveries in a row. */
  disableAll(): void {
    for (const hook of this.hooks.values()) Object.assign(hook, { status: 'disabled', failure_count: 6 });
  }
}

// The secret is write-only in WooCommerce's responses.
function view({ secret: _secret, ...hook }: FakeWebhook): Omit<FakeWebhook, 'secret'> {
  return { ...hook };
}

function invalid(params: string): RouteResult {
  return { status: 400, body: { code: 'rest_invalid_param', message: `Invalid parameter(s): ${params}`, data: { status: 400 } } };
}
