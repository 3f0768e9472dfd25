import { z } from 'zod';
import type { ConnectorResult } from '../../contract.ts';
import {
  LINE_FIELDS,
  lineReadSchema,
  OPTIONAL_ORDER_FIELDS,
  ORDER_FIELDS,
  PARTNER_FIELDS,
  partnerReadSchema,
  PRODUCT_FIELDS,
  productReadSchema,
  type LineRead,
  type OrderBundle,
  type OrderRead,
  type PartnerRead,
  type ProductRead,
} from '../order-read.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { shaped } from './rpc-result.ts';

/**
 * The sale.order fields to read on this database: ORDER_FIELDS and those of
 * OPTIONAL_ORDER_FIELDS that `fields_get` shows, as reading a field a database lacks
 * (`carrier_id` without `delivery`) fails the whole read.
 */
export async function orderFieldsOf(rpc: OdooRpc): Promise<ConnectorResult<string[]>> {
  const fields = shaped(
    'sale.order.fields_get',
    await rpc.call('sale.order', 'fields_get', [], { allfields: [...OPTIONAL_ORDER_FIELDS], attributes: ['type'] }),
    z.record(z.string(), z.unknown()),
  );
  if (!fields.ok) return fields;
  return { ok: true, value: [...ORDER_FIELDS, ...OPTIONAL_ORDER_FIELDS.filter((name) => name in fields.value)] };
}

/**
 * Completes sale orders read from Odoo with their lines, customers and delivery contacts,
 * and products: three reads for any number of orders.
 */
export async function readOrderBundles(rpc: OdooRpc, orders: readonly OrderRead[]): Promise<ConnectorResult<OrderBundle[]>> {
  const lineIds = unique(orders.flatMap((order) => order.order_line));
  const lines = await readAll<LineRead>(rpc, 'sale.order.line', lineIds, LINE_FIELDS, lineReadSchema);
  if (!lines.ok) return lines;

  const partnerIds = unique(orders.flatMap((order) => [order.partner_id, order.partner_shipping_id ?? false].flatMap((partner) => (partner === false ? [] : [partner[0]]))));
  const partners = await readAll<PartnerRead>(rpc, 'res.partner', partnerIds, PARTNER_FIELDS, partnerReadSchema);
  if (!partners.ok) return partners;

  const productIds = unique(lines.value.flatMap((line) => (line.product_id === false ? [] : [line.product_id[0]])));
  const products = await readAll<ProductRead>(rpc, 'product.product', productIds, PRODUCT_FIELDS, productReadSchema);
  if (!products.ok) return products;

  return {
    ok: true,
    value: orders.map((order) => {
      const own = new Set(order.order_line);
      return {
        order,
        lines: lines.value.filter((line) => own.has(line.id)),
        partners: partners.value,
        products: products.value,
      };
    }),
  };
}

async function readAll<T>(rpc: OdooRpc, model: string, ids: readonly number[], fields: readonly string[], schema: z.ZodType<T>): Promise<ConnectorResult<T[]>> {
  if (ids.length === 0) return { ok: true, value: [] };
  const result = await rpc.call(model, 'read', [ids], { fields: [...fields] });
  return shaped(`${model}.read`, result, z.array(schema));
}

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}
