import type { ParseResult, StorefrontOrder } from '@pressline/connectors';
import type { Tx } from '@pressline/db';
import { applyOrderVersion } from '../orders/apply-order-version.ts';
import type { DeliveryContext, HandledDelivery } from './delivery-context.ts';

/** An order delivery: the order it carried (or was read back for it) becomes the newest known version. */
export async function processOrderDelivery(tx: Tx, parsed: ParseResult<StorefrontOrder>, context: DeliveryContext): Promise<HandledDelivery> {
  // A malformed payload will not get better on retry: keep it, visible, and stop.
  if (!parsed.ok) return { status: 'failed', message: parsed.message };
  const { shopId, delivery, at, actor, boss } = context;
  const applied = await applyOrderVersion(tx, { shopId, order: parsed.value, actor, at, receivedNote: delivery.topic, boss });
  return { status: 'processed', orderExternalId: parsed.value.externalId, ...applied };
}
