import { z } from 'zod';

// What Pressline reads of a sale order, as Odoo's `read`/`search_read` return it (the same
// over XML-RPC and JSON-2): many2one → [id, display_name] or false, x2many → [ids], an
// empty char or date → false, floats for money and quantities, datetimes as naive UTC
// "YYYY-MM-DD HH:MM:SS". Only fields of `base` and the `sale` module itself, the same in
// 17, 18 and 19, are always asked for: reading a field a database lacks fails the whole
// call. Fields of optional modules are asked for only once `fields_get` has shown them.

export const ORDER_FIELDS = [
  'name', 'state', 'partner_id', 'partner_shipping_id', 'client_order_ref', 'date_order', 'create_date',
  'write_date', 'currency_id', 'amount_total', 'order_line',
] as const;

/**
 * sale.order fields of optional modules: `carrier_id` (the delivery method) comes with
 * `delivery`, which many databases (services, pickup only) do not install.
 */
export const OPTIONAL_ORDER_FIELDS = ['carrier_id'] as const;

export const LINE_FIELDS = [
  'order_id', 'display_type', 'is_downpayment', 'product_id', 'product_template_id', 'product_type',
  'name', 'product_uom_qty', 'price_unit',
] as const;

/**
 * The customer's and the delivery contact's fields, all from `base` in 17, 18 and 19.
 * `country_code` (related to country_id.code) spares a res.country read; company names
 * come from `commercial_company_name` (stored in all three) and `parent_id`, as
 * `company_name` is gone in newer versions.
 */
export const PARTNER_FIELDS = [
  'name', 'email', 'parent_id', 'commercial_company_name', 'street', 'street2', 'city', 'state_id', 'zip',
  'country_code', 'phone',
] as const;
export const PRODUCT_FIELDS = ['default_code'] as const;

const recordId = z.number().int().positive();
/** many2one: [id, display_name], or false when empty. */
export const many2one = z.union([z.tuple([recordId, z.string()]), z.literal(false)]);
/** char/text/selection: false stands for empty. */
const optionalText = z.union([z.string(), z.literal(false)]).transform((value) => (value === false ? null : value));
const datetimeText = z.string();

export const orderReadSchema = z.object({
  id: recordId,
  name: z.string().min(1),
  state: z.string(),
  partner_id: many2one,
  partner_shipping_id: many2one.optional(),
  carrier_id: many2one.optional(),
  client_order_ref: optionalText.optional(),
  date_order: datetimeText,
  create_date: datetimeText.optional(),
  write_date: datetimeText.optional(),
  currency_id: many2one,
  amount_total: z.number(),
  order_line: z.array(recordId),
  picking_ids: z.array(recordId).optional(),
});

export const lineReadSchema = z.object({
  id: recordId,
  order_id: many2one.optional(),
  display_type: optionalText.optional(),
  is_downpayment: z.boolean().optional(),
  product_id: many2one,
  product_template_id: many2one.optional(),
  product_type: optionalText.optional(),
  name: z.union([z.string(), z.literal(false)]).transform((value) => (value === false ? '' : value)),
  product_uom_qty: z.number(),
  price_unit: z.number(),
});

export const partnerReadSchema = z.object({
  id: recordId,
  name: optionalText,
  email: optionalText,
  parent_id: many2one.optional(),
  commercial_company_name: optionalText.optional(),
  street: optionalText.optional(),
  street2: optionalText.optional(),
  city: optionalText.optional(),
  state_id: many2one.optional(),
  zip: optionalText.optional(),
  country_code: optionalText.optional(),
  phone: optionalText.optional(),
});

export const productReadSchema = z.object({
  id: recordId,
  default_code: optionalText,
});

export type OrderRead = z.output<typeof orderReadSchema>;
export type LineRead = z.output<typeof lineReadSchema>;
export type PartnerRead = z.output<typeof partnerReadSchema>;
export type ProductRead = z.output<typeof productReadSchema>;

/**
 * One order as read from Odoo: the `sale.order` record with its lines and, when read, its
 * customer and delivery contact (both in `res_partner_read`) and products. As text it is the body `parseOrder` takes; the keys are those of
 * the synthesized sample (`sale_order_read` holds the one order).
 */
export const orderBundleSchema = z.object({
  sale_order_read: z.array(orderReadSchema).length(1, { error: 'must hold exactly one sale.order record' }),
  sale_order_line_read: z.array(lineReadSchema),
  res_partner_read: z.array(partnerReadSchema).optional(),
  product_product_read: z.array(productReadSchema).optional(),
});

export interface OrderBundle {
  order: OrderRead;
  lines: readonly LineRead[];
  partners: readonly PartnerRead[];
  products: readonly ProductRead[];
}
