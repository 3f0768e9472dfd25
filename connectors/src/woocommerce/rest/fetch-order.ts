import type { ConnectorResult, StorefrontOrder } from '../../contract.ts';
import { normaliseWooCommerceOrder } from '../parse-order.ts';
import { notFound, wooOrderId } from './order-document.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';

export async function fetchOrder(
  rest: WooRest,
  connection: WooCommerceConnection,
  orderExternalId: string,
): Promise<ConnectorResult<StorefrontOrder>> {
  const operation = 'fetchOrder';
  const orderId = wooOrderId(orderExternalId);
  if (orderId === null) return notFound(operation, orderExternalId);
  const response = await rest(connection, { operation, method: 'GET', route: `wc/v3/orders/${orderId}` });
  if (!response.ok) return response;
  const parsed = normaliseWooCommerceOrder(response.value.body);
  if (!parsed.ok) return { ok: false, reason: 'rejected', message: `${operation}: ${parsed.message}` };
  return parsed;
}
