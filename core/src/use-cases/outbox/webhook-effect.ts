import { createHmac } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { isPrivateHost } from '../../files/fetch-linked-file.ts';
import type { effectPayloads } from './effect-kinds.ts';
import type { PreparedSend, SendOutcome } from './send-outcome.ts';
import type { z } from 'zod';

/** The receiver checks this header: base64 HMAC-SHA256 of the exact body with the subscription's secret. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Pressline-Hmac-Sha256';

export function signWebhookBody(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/**
 * POSTs one event to a developer's endpoint. 2xx is delivered; 429 waits its Retry-After;
 * 5xx, 408 and lost connections are retried; any other answer is final (the receiver
 * refused it, as Saleor and Stripe treat 4xx).
 */
export async function prepareWebhook(
  tx: Tx,
  deps: Pick<CoreDeps, 'secrets' | 'clock' | 'webhooksAllowPrivateNetworks'> & { timeoutMs: number },
  row: { shopId: string },
  payload: z.infer<(typeof effectPayloads)['webhook']>,
): Promise<PreparedSend | SendOutcome> {
  const [subscription] = await tx
    .select()
    .from(schema.webhookSubscriptions)
    .where(and(eq(schema.webhookSubscriptions.shopId, row.shopId), eq(schema.webhookSubscriptions.id, payload.subscriptionId), isNull(schema.webhookSubscriptions.deletedAt)));
  if (!subscription) return { kind: 'skipped', reason: 'subscription deleted' };
  // Checked when sending too: a name can resolve elsewhere than when it was subscribed.
  if (!deps.webhooksAllowPrivateNetworks && (await isPrivateHost(new URL(subscription.url).hostname).catch(() => false))) {
    return { kind: 'permanent', message: 'The webhook URL points into a private network' };
  }
  const body = JSON.stringify(payload.body);
  const signature = signWebhookBody(deps.secrets.open(subscription.secretSealed), body);
  return {
    call: async () => {
      let response: Response;
      try {
        response = await fetch(subscription.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature, 'X-Pressline-Topic': payload.topic, 'X-Pressline-Event-Id': payload.eventId },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(deps.timeoutMs),
        });
        await response.body?.cancel();
      } catch (error) {
        return { kind: 'transient', message: `Webhook endpoint unreachable: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (response.status >= 200 && response.status < 300) return { kind: 'sent', result: { status: response.status } };
      if (response.status === 429) {
        const waitMs = retryAfterMsOf(response.headers.get('retry-after'), deps.clock());
        return { kind: 'throttled', retryAfterMs: waitMs, message: 'Webhook endpoint asked to slow down (429)' };
      }
      if (response.status >= 500 || response.status === 408) return { kind: 'transient', message: `Webhook endpoint answered ${response.status}` };
      return { kind: 'permanent', message: `Webhook endpoint refused the event (${response.status})` };
    },
  };
}

/** Retry-After as seconds or an HTTP date; a missing or unreadable one waits a minute. */
function retryAfterMsOf(header: string | null, now: Date): number {
  if (!header) return 60_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1_000, seconds * 1_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 60_000 : Math.max(1_000, date - now.getTime());
}
