import type { Context } from 'hono';
import type { Platform } from '@pressline/connectors';
import type { CoreDeps } from '../deps.ts';
import { receiveWebhook } from '../use-cases/intake/receive-webhook.ts';

const STATUS = { unauthorized: 401, unknown_shop: 404, unsupported_platform: 404, unsupported_topic: 400, malformed_payload: 422 } as const;

/** Thin handler: raw body in, ack-first use case, outcome mapped to a status. */
export function webhookHandler(deps: Pick<CoreDeps, 'db' | 'boss' | 'connectors' | 'secrets'>, platform: Platform) {
  return async (c: Context) => {
    const rawBody = await c.req.text();
    const outcome = await receiveWebhook(deps, { platform, shopId: c.req.param('shopId'), request: c.req.raw, rawBody });
    if (!outcome.ok) return c.json({ error: { code: outcome.reason.toUpperCase(), message: outcome.message } }, STATUS[outcome.reason]);
    return c.json({ ok: true, duplicate: outcome.duplicate });
  };
}
