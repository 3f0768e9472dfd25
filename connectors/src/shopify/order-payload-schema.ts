import { isLosslessNumber, type LosslessNumber } from 'lossless-json';
import { z } from 'zod';

// The part of Shopify's REST Order resource (the orders/* webhook body) that Pressline
// reads. The body is parsed with lossless-json, so every JSON number arrives as a
// LosslessNumber holding its exact text; unknown keys are ignored.

const losslessNumber = z.custom<LosslessNumber>(isLosslessNumber, { error: 'expected a number' });

/** Numeric ids exceed 2^53, so they become exact decimal strings. */
export const idSchema = z
  .union([z.string(), losslessNumber, z.bigint(), z.number()])
  .transform((value, ctx) => {
    const text = typeof value === 'number' && !Number.isSafeInteger(value) ? null : value.toString();
    if (text === null || !/^\d+$/.test(text)) {
      ctx.issues.push({ code: 'custom', message: 'expected a non-negative integer id', input: value });
      return z.NEVER;
    }
    return text;
  });

/** Money stays text here; it becomes minor units once the currency is known. */
const decimalSchema = z.union([z.string(), losslessNumber.transform((n) => n.toString())]);

const quantitySchema = z.union([losslessNumber, z.number()]).transform((value, ctx) => {
  const n = typeof value === 'number' ? value : Number(value.toString());
  if (!Number.isSafeInteger(n) || n < 0) {
    ctx.issues.push({ code: 'custom', message: 'expected a non-negative integer', input: value });
    return z.NEVER;
  }
  return n + 0; // no -0
});

const scalarText = z.union([
  z.string(),
  losslessNumber.transform((n) => n.toString()),
  z.number().transform(String),
  z.boolean().transform(String),
]);

const timestampSchema = z.string().transform((value, ctx) => {
  const time = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    ctx.issues.push({ code: 'custom', message: 'expected an ISO 8601 date-time', input: value });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});

const propertySchema = z.object({
  name: scalarText,
  value: scalarText.nullish().transform((v) => v ?? ''),
});

export const lineItemSchema = z.object({
  id: idSchema,
  product_id: idSchema.nullish(),
  variant_id: idSchema.nullish(),
  sku: z.string().nullish(),
  title: z.string(),
  variant_title: z.string().nullish(),
  quantity: quantitySchema,
  price: decimalSchema,
  properties: z.array(propertySchema).nullish(),
  requires_shipping: z.boolean().nullish(),
});

export const customerSchema = z.object({
  id: idSchema.nullish(),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

export const addressSchema = z.object({
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  name: z.string().nullish(),
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  zip: z.string().nullish(),
  country_code: z.string().nullish(),
  phone: z.string().nullish(),
});

export const shippingLineSchema = z.object({
  title: z.string().nullish(),
  is_removed: z.boolean().nullish(),
});

export const orderPayloadSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, { error: 'expected an ISO 4217 currency code' })
    .transform((c) => c.toUpperCase()),
  total_price: decimalSchema,
  financial_status: z.string().nullish(),
  cancelled_at: timestampSchema.nullish(),
  created_at: timestampSchema,
  updated_at: timestampSchema.nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  customer: customerSchema.nullish(),
  note: z.string().nullish(),
  tags: z.union([z.string(), z.array(z.string())]).nullish(),
  line_items: z.array(lineItemSchema),
  shipping_address: addressSchema.nullish(),
  shipping_lines: z.array(shippingLineSchema).nullish(),
});

export type OrderPayload = z.output<typeof orderPayloadSchema>;
export type LineItemPayload = z.output<typeof lineItemSchema>;
export type AddressPayload = z.output<typeof addressSchema>;
