import { enqueueInTx, queues, resolveShopId, schema, withShop } from '@pressline/db';
import type { Platform, ShopConnection } from '@pressline/connectors';
import type { CoreDeps } from '../../deps.ts';
import { loadShopConnection } from '../shops/shop-connection.ts';
import { checkDelivery } from './check-delivery.ts';

export type ReceiveOutcome =
  | { ok: true; duplicate: boolean; deliveryId: string | null }
  | { ok: false; reason: 'unauthorized' | 'unknown_shop' | 'unsupported_platform' | 'unsupported_topic' | 'malformed_payload'; message: string };

export interface ReceiveWebhookInput {
  platform: Platform;
  /** The shop named in the delivery URL (WooCommerce, Odoo); Shopify names it in a signed header. */
  shopId?: string;
  request: Request;
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: string;
}

/**
 * Ack-first intake: verify the signature over the raw body, store the delivery (unique
 * per platform delivery key and event id) and enqueue its processing in the same
 * transaction. Parsing and splitting happen in a worker, so the platform gets its 2xx fast.
 */
export async function receiveWebhook(
  deps: Pick<CoreDeps, 'db' | 'boss' | 'connectors' | 'secrets'>,
  input: ReceiveWebhookInput,
): Promise<ReceiveOutcome> {
  const connector = deps.connectors[input.platform];
  if (!connector) return { ok: false, reason: 'unsupported_platform', message: `${input.platform} is not configured` };

  // A shop named in the URL must exist, be on this platform and have its secret on file
  // before anything is verified; an unknown one learns nothing more than "unknown".
  const named = input.shopId ? await namedShopConnection(deps, input.platform, input.shopId) : null;
  if (input.shopId && !named) return { ok: false, reason: 'unknown_shop', message: 'Unknown shop' };

  const verified = await connector.verifyDelivery(input.request, input.rawBody, named);
  if (!verified.ok) return { ok: false, reason: 'unauthorized', message: verified.message };
  const delivery = verified.delivery;

  const shopId = input.shopId ?? (await resolveShopId(deps.db, delivery.platform, delivery.shopDomain));
  if (!shopId) return { ok: false, reason: 'unknown_shop', message: 'Unknown shop' };
  const check = checkDelivery(connector, delivery.topic, input.rawBody);
  if (!check.ok) return check;
  // A platform's set-up ping only asks whether we answer.
  if (check.ping) return { ok: true, duplicate: false, deliveryId: null };

  return withShop(deps.db, shopId, async (tx) => {
    const [stored] = await tx
      .insert(schema.webhookDeliveries)
      .values({
        shopId,
        platform: delivery.platform,
        deliveryKey: delivery.deliveryKey,
        eventId: delivery.eventId,
        topic: delivery.topic,
        apiVersion: delivery.apiVersion,
        triggeredAt: parseTimestamp(delivery.triggeredAt),
        rawBody: input.rawBody,
      })
      .onConflictDoNothing()
      .returning({ id: schema.webhookDeliveries.id });
    if (!stored) return { ok: true, duplicate: true, deliveryId: null };
    await enqueueInTx(deps.boss, tx, queues.intake.name, { shopId, deliveryId: stored.id }, { singletonKey: stored.id });
    return { ok: true, duplicate: false, deliveryId: stored.id };
  });
}

async function namedShopConnection(deps: Pick<CoreDeps, 'db' | 'secrets'>, platform: Platform, shopId: string): Promise<ShopConnection | null> {
  if (!UUID.test(shopId)) return null;
  const connection = await withShop(deps.db, shopId, (tx) => loadShopConnection(tx, deps.secrets, shopId));
  return connection?.platform === platform ? connection : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseTimestamp(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
