import { z } from 'zod';
import type { ConnectorResult } from '../../contract.ts';
import { metaDataSchema, wooIdSchema } from '../order-payload-schema.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';

// The raw order as the write paths need it: its lines, status, meta and addresses,
// which the contract's StorefrontOrder does not carry.

const lineSchema = z.object({
  id: wooIdSchema,
  name: z.string().nullish(),
  product_id: wooIdSchema.nullish(),
  variation_id: wooIdSchema.nullish(),
  quantity: z.number(),
  meta_data: z.array(metaDataSchema).nullish(),
});

export const orderDocumentSchema = z.object({
  id: wooIdSchema,
  status: z.string(),
  currency: z.string().nullish(),
  customer_id: wooIdSchema.nullish(),
  billing: z.record(z.string(), z.unknown()).nullish(),
  shipping: z.record(z.string(), z.unknown()).nullish(),
  line_items: z.array(lineSchema),
  shipping_lines: z
    .array(z.object({ method_id: z.string().nullish(), method_title: z.string().nullish(), total: z.union([z.string(), z.number()]).nullish() }))
    .nullish(),
  meta_data: z.array(metaDataSchema).nullish(),
});

export type OrderDocument = z.output<typeof orderDocumentSchema>;

/** WooCommerce order ids are positive integers; anything else cannot name an order (nor a path). */
export function wooOrderId(externalId: string): string | null {
  return /^[1-9]\d{0,19}$/.test(externalId) ? externalId : null;
}

export function notFound(operation: string, externalId: string): { ok: false; reason: 'not_found'; message: string } {
  return { ok: false, reason: 'not_found', message: `${operation}: "${externalId.slice(0, 40)}" is not a WooCommerce order id` };
}

export async function loadOrderDocument(
  rest: WooRest,
  connection: WooCommerceConnection,
  orderId: string,
  operation: string,
): Promise<ConnectorResult<OrderDocument>> {
  const response = await rest(connection, { operation, method: 'GET', route: `wc/v3/orders/${orderId}` });
  if (!response.ok) return response;
  const parsed = orderDocumentSchema.safeParse(response.value.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'unavailable', message: `${operation}: unexpected order document from WooCommerce (${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'body'})` };
  }
  return { ok: true, value: parsed.data };
}

/** The first meta value under `key`, as WC_Data::get_meta returns it. */
export function orderMeta(order: OrderDocument, key: string): unknown {
  return order.meta_data?.find((entry) => entry.key === key)?.value;
}
