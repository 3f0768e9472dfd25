import { and, eq } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import type { HandledDelivery } from './delivery-context.ts';
import { processOrderDelivery } from './process-order-delivery.ts';
import { processPrivacyDelivery } from './process-privacy-delivery.ts';
import { readOrderBack } from './read-order-back.ts';
import { ERASED_BODY } from '../privacy/redact-customer.ts';

export type ProcessOutcome = HandledDelivery | { status: 'already_processed' };

const INTAKE_ACTOR = 'system:intake';

/**
 * Handles one stored delivery in one transaction, routed by what its topic asks for.
 * Safe to run any number of times: a handled delivery is skipped, and orders, lines and
 * jobs are each unique on their own keys.
 */
export async function processDelivery(
  deps: Pick<CoreDeps, 'db' | 'boss' | 'connectors' | 'platformApis' | 'secrets' | 'clock' | 'shopifyAuth'>,
  input: { shopId: string; deliveryId: string },
): Promise<ProcessOutcome> {
  const d = schema.webhookDeliveries;
  const where = and(eq(d.shopId, input.shopId), eq(d.id, input.deliveryId));
  const [peek] = await withShop(deps.db, input.shopId, (tx) => tx.select().from(d).where(where));
  if (!peek) return { status: 'failed', message: `delivery ${input.deliveryId} not found` };
  if (peek.status !== 'pending') return { status: 'already_processed' };

  const connector = deps.connectors[peek.platform as keyof typeof deps.connectors];
  // A worker without the platform's connector must not swallow the delivery: throw, so
  // the queue retries it (and dead-letters it, visibly) while the delivery stays pending.
  if (!connector) throw new Error(`no ${peek.platform} connector is configured in this worker`);
  const kind = connector.topicKind(peek.topic);
  // Read the order (back from the platform, when its deliveries are only notices) before
  // the transaction, so no row stays locked while a platform answers.
  const prepared =
    kind === 'order'
      ? { kind, order: connector.rereadsOrders ? await readOrderBack(deps, { shopId: input.shopId, connector, rawBody: peek.rawBody }) : connector.parseOrder(peek.rawBody) }
      : { kind };

  return withShop(deps.db, input.shopId, async (tx) => {
    const [delivery] = await tx.select().from(d).where(where).for('update');
    // Another worker may have handled it while we read the order back.
    if (!delivery || delivery.status !== 'pending') return { status: 'already_processed' };

    const context = { shopId: input.shopId, delivery, at: deps.clock(), actor: INTAKE_ACTOR, boss: deps.boss };
    let outcome: HandledDelivery;
    if (prepared.kind === 'order') outcome = await processOrderDelivery(tx, prepared.order, context);
    else if (prepared.kind === 'app_uninstalled') {
      await tx.update(schema.shops).set({ uninstalledAt: context.at, updatedAt: context.at }).where(eq(schema.shops.id, input.shopId));
      // Shopify has revoked the app's tokens; keeping them would only keep a dead secret.
      await tx.delete(schema.shopCredentials).where(eq(schema.shopCredentials.shopId, input.shopId));
      outcome = { status: 'processed', uninstalled: true };
    } else if (prepared.kind === 'ignored' || prepared.kind === 'ping') outcome = { status: 'ignored', topic: delivery.topic };
    else outcome = await processPrivacyDelivery(tx, connector, prepared.kind, context);

    await tx
      .update(d)
      .set({
        status: outcome.status,
        error: outcome.status === 'failed' ? outcome.message : null,
        processedAt: context.at,
        ...('orderExternalId' in outcome ? { orderExternalId: outcome.orderExternalId } : {}),
        ...('eraseBody' in outcome ? { rawBody: ERASED_BODY } : {}),
      })
      .where(where);
    return outcome;
  });
}
