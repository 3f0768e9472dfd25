import { z } from 'zod';
import type { ConnectorResult, Reorder, ReorderRequest, StorefrontOrderLine } from '../../contract.ts';
import { loadOrderDocument, wooOrderId, type OrderDocument } from './order-document.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';

/** Order meta linking a reorder to the order it repeats. */
export const REORDER_OF_META_KEY = '_pressline_reorder_of';

const createdOrderSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  order_key: z.string().nullish(),
  payment_url: z.string().nullish(),
});

/**
 * WooCommerce has no draft orders a customer can open, and an add-to-cart link carries
 * one product and no line meta (options, design-file links). So:
 * - one line without properties: an add-to-cart link (`kind: 'cart'`);
 * - otherwise a `pending` order created through the REST API with the same products,
 *   quantities, line meta, addresses and shipping, and the customer pays it on its
 *   "pay for order" page (`kind: 'draft_order'`, `url` = its `payment_url`). WooCommerce
 *   prices the lines at today's product prices.
 *
 * A REST-created pending order is never cancelled by WooCommerce's unpaid-order
 * clean-up (that only touches checkout orders), and ReorderRequest has no idempotency
 * key: calling this twice creates two pending orders.
 */
export async function buildReorder(input: {
  rest: WooRest;
  connection: WooCommerceConnection;
  request: ReorderRequest;
}): Promise<ConnectorResult<Reorder>> {
  const { rest, connection, request } = input;
  const operation = 'buildReorder';
  const wanted = request.lineExternalIds ? new Set(request.lineExternalIds) : null;
  const lines = request.order.lines.filter((line) => wanted === null || wanted.has(line.externalId));
  if (lines.length === 0) return { ok: false, reason: 'rejected', message: `${operation}: no line of the order was selected` };
  const gone = lines.filter((line) => line.productExternalId === null);
  if (gone.length > 0) {
    return { ok: false, reason: 'rejected', message: `${operation}: the product of line ${gone.map((l) => l.externalId).join(', ')} no longer exists` };
  }

  const site = connection.siteUrl.trim().replace(/\/+$/, '');
  const [only] = lines;
  if (lines.length === 1 && only && only.properties.length === 0) {
    const url = new URL(`${site}/`);
    // A variation is added by its own id.
    url.searchParams.set('add-to-cart', only.variantExternalId ?? only.productExternalId ?? '');
    url.searchParams.set('quantity', String(only.quantity));
    return { ok: true, value: { kind: 'cart', externalId: null, url: url.toString() } };
  }

  // The original order supplies what StorefrontOrder leaves out: addresses, shipping
  // and line meta values with their structure.
  const orderId = wooOrderId(request.order.externalId);
  const original = orderId === null ? null : await loadOrderDocument(rest, connection, orderId, operation);
  if (original && !original.ok && original.reason !== 'not_found') return original;
  const document = original?.ok ? original.value : null;

  const created = await rest(connection, {
    operation,
    method: 'POST',
    route: 'wc/v3/orders',
    body: reorderBody(request, lines, document),
  });
  if (!created.ok) return created;
  const order = createdOrderSchema.safeParse(created.value.body);
  if (!order.success) return { ok: false, reason: 'unavailable', message: `${operation}: WooCommerce did not return the created order` };
  const url = order.data.payment_url ?? (order.data.order_key ? `${site}/checkout/order-pay/${order.data.id}/?pay_for_order=true&key=${encodeURIComponent(order.data.order_key)}` : null);
  if (url === null) return { ok: false, reason: 'unavailable', message: `${operation}: WooCommerce returned no payment URL for order ${order.data.id}` };
  return { ok: true, value: { kind: 'draft_order', externalId: order.data.id, url } };
}

function reorderBody(request: ReorderRequest, lines: readonly StorefrontOrderLine[], original: OrderDocument | null): Record<string, unknown> {
  const originalLines = new Map((original?.line_items ?? []).map((line) => [line.id, line]));
  const customer = request.order.customer;
  const customerId = original?.customer_id ?? customer.externalId;
  return {
    status: 'pending',
    currency: request.order.currency,
    ...(customerId && customerId !== '0' ? { customer_id: Number(customerId) } : {}),
    billing: original?.billing ?? {
      first_name: customer.firstName ?? '',
      last_name: customer.lastName ?? '',
      email: customer.email ?? '',
    },
    ...(original?.shipping ? { shipping: original.shipping } : {}),
    ...(original?.shipping_lines && original.shipping_lines.length > 0
      ? {
          shipping_lines: original.shipping_lines.map((line) => ({
            method_id: line.method_id ?? '',
            method_title: line.method_title ?? '',
            total: String(line.total ?? '0'),
          })),
        }
      : {}),
    line_items: lines.map((line) => {
      const source = originalLines.get(line.externalId);
      // Private ("_") meta is WooCommerce's bookkeeping for the old order; the rest is what the customer chose.
      const meta = source?.meta_data
        ? source.meta_data.filter((entry) => !entry.key.startsWith('_')).map((entry) => ({ key: entry.key, value: entry.value }))
        : line.properties.map((property) => ({ key: property.name, value: property.value }));
      return {
        product_id: Number(line.productExternalId),
        ...(line.variantExternalId ? { variation_id: Number(line.variantExternalId) } : {}),
        quantity: line.quantity,
        meta_data: meta,
      };
    }),
    meta_data: [{ key: REORDER_OF_META_KEY, value: request.order.externalId }],
  };
}
