import { z } from 'zod';
import { wcGmtToIso } from './wc-dates.ts';

// The part of WooCommerce's REST v3 Order resource that Pressline reads. Order webhooks
// carry the same document (WC_Webhook builds them from GET /wc/v3/orders/<id>). Unknown
// keys are ignored; ids are WordPress auto-increment integers, well inside 2^53.

/** Ids become decimal strings, as everywhere in the contract. */
export const wooIdSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, { error: 'expected a non-negative integer id' })])
  .transform((value) => String(value));

/** Money stays as WooCommerce wrote it until the currency is known. */
const amountSchema = z.union([z.string(), z.number()]);

const quantitySchema = z.number().int().nonnegative();

/** A `_gmt` field: UTC without a zone. Becomes an ISO string. */
export const wooGmtDateSchema = z.string().transform((value, ctx) => {
  const iso = wcGmtToIso(value);
  if (iso === null) {
    ctx.issues.push({ code: 'custom', message: 'expected a date-time', input: value });
    return z.NEVER;
  }
  return iso;
});

export const metaDataSchema = z.object({
  id: z.number().nullish(),
  key: z.string(),
  value: z.unknown().optional(),
  display_key: z.string().nullish(),
  display_value: z.unknown().optional(),
});

export const lineItemSchema = z.object({
  id: wooIdSchema,
  name: z.string(),
  product_id: wooIdSchema.nullish(),
  variation_id: wooIdSchema.nullish(),
  quantity: quantitySchema,
  sku: z.string().nullish(),
  subtotal: amountSchema,
  total: amountSchema,
  meta_data: z.array(metaDataSchema).nullish(),
});

const billingSchema = z.object({
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string().nullish(),
});

/** An order address as WooCommerce stores it: every field a string, "" when unset. */
const shippingSchema = z.object({
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  company: z.string().nullish(),
  address_1: z.string().nullish(),
  address_2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  postcode: z.string().nullish(),
  country: z.string().nullish(),
  phone: z.string().nullish(),
});

export const shippingLineSchema = z.object({
  method_title: z.string().nullish(),
  method_id: z.string().nullish(),
});

export const orderPayloadSchema = z.object({
  id: wooIdSchema,
  number: z.union([z.string(), z.number().transform(String)]).nullish(),
  status: z.string().min(1),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, { error: 'expected an ISO 4217 currency code' })
    .transform((c) => c.toUpperCase()),
  total: amountSchema,
  date_created_gmt: wooGmtDateSchema,
  date_modified_gmt: wooGmtDateSchema.nullish(),
  date_paid: z.string().nullish(),
  date_paid_gmt: z.string().nullish(),
  customer_id: wooIdSchema.nullish(),
  customer_note: z.string().nullish(),
  billing: billingSchema.nullish(),
  shipping: shippingSchema.nullish(),
  shipping_lines: z.array(shippingLineSchema).nullish(),
  line_items: z.array(lineItemSchema),
  refunds: z.array(z.unknown()).nullish(),
  meta_data: z.array(metaDataSchema).nullish(),
});

export type OrderPayload = z.output<typeof orderPayloadSchema>;
export type LineItemPayload = z.output<typeof lineItemSchema>;
export type ShippingPayload = z.output<typeof shippingSchema>;
export type MetaDataPayload = z.output<typeof metaDataSchema>;
