import type { OrderConnector } from '@pressline/connectors';
import type { Tx } from '@pressline/db';
import { recordDataRequest } from '../privacy/record-data-request.ts';
import { redactCustomerData } from '../privacy/redact-customer.ts';
import type { DeliveryContext, HandledDelivery } from './delivery-context.ts';

/**
 * The platform's privacy requests: erase a customer's data, erase a departed shop's
 * customer data, or flag a customer's request for their data. The request's own body
 * names the customer, so it is erased once handled.
 */
export async function processPrivacyDelivery(
  tx: Tx,
  connector: OrderConnector,
  kind: 'customer_redact' | 'customer_data_request' | 'shop_redact',
  context: DeliveryContext,
): Promise<HandledDelivery> {
  const { shopId, delivery, at, actor } = context;
  if (!connector.parseComplianceRequest) return { status: 'ignored', topic: delivery.topic };
  const parsed = connector.parseComplianceRequest(kind, delivery.rawBody);
  if (!parsed.ok) return { status: 'failed', message: parsed.message };
  const request = parsed.value;

  switch (request.kind) {
    case 'customer_redact': {
      const reason = `Erased on the customer's request relayed by ${delivery.platform}`;
      const erased = await redactCustomerData(tx, { shopId, platform: delivery.platform, match: request, actor, at, reason });
      return { status: 'processed', privacy: request.kind, orders: erased.orders, eraseBody: true };
    }
    case 'shop_redact': {
      const reason = `Erased because the shop left ${delivery.platform}`;
      const erased = await redactCustomerData(tx, { shopId, platform: delivery.platform, match: null, actor, at, reason });
      return { status: 'processed', privacy: request.kind, orders: erased.orders, eraseBody: true };
    }
    case 'customer_data_request': {
      const flagged = await recordDataRequest(tx, { shopId, ...request, actor, at });
      return { status: 'processed', privacy: request.kind, orders: flagged.orders, eraseBody: true };
    }
  }
}
