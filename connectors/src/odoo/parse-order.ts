import type { ParseResult, StorefrontOrder } from '../contract.ts';
import { malformed, readJson } from '../payload-errors.ts';
import { normaliseOdooOrder } from './normalise-order.ts';
import { orderBundleSchema } from './order-read.ts';
import { ODOO_ORDER_TOPIC } from './topics.ts';
import { readWebhookNotice } from './webhook-notice.ts';

/** Which order an Odoo webhook notification is about: its `_id`, when `_model` is sale.order. */
export function parseOdooOrderReference(rawBody: string): ParseResult<{ externalId: string }> {
  const notice = readWebhookNotice(rawBody);
  if (!notice.ok) return malformed(notice.message);
  if (notice.value._model !== ODOO_ORDER_TOPIC) {
    return malformed(`the notification is about a ${notice.value._model} record, not a ${ODOO_ORDER_TOPIC}`);
  }
  if (notice.value._id === undefined) return malformed('the notification names no record (_id)');
  return { ok: true, value: { externalId: String(notice.value._id) } };
}

/**
 * Normalises a sale order read from Odoo, given as the JSON document
 * `{ sale_order_read: [order], sale_order_line_read: [...], res_partner_read?: [...],
 * product_product_read?: [...] }` (see order-read.ts). Odoo's webhook is only a notice;
 * `PlatformApi.fetchOrder` reads the order this way.
 */
export function parseOdooOrder(rawBody: string): ParseResult<StorefrontOrder> {
  const read = readJson(rawBody);
  if (!read.ok) return read;
  const json = read.value;
  if (typeof json === 'object' && json !== null && '_model' in json) {
    return malformed('this is an Odoo webhook notification, which carries no order: read the order with fetchOrder');
  }
  const parsed = orderBundleSchema.safeParse(json, { error: (issue) => (issue.input === undefined ? 'is missing' : undefined) });
  if (!parsed.success) {
    const shown = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return malformed(`not an Odoo sale order read: ${shown.join('; ')}`);
  }
  const { sale_order_read, sale_order_line_read, res_partner_read, product_product_read } = parsed.data;
  return normaliseOdooOrder({
    order: sale_order_read[0]!,
    lines: sale_order_line_read,
    partners: res_partner_read ?? [],
    products: product_product_read ?? [],
  });
}

