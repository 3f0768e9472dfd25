import { parse as parseLosslessJson } from 'lossless-json';
import type { FinancialStatus, ParseResult, StorefrontOrder, StorefrontOrderLine } from '../contract.ts';
import { toMinorUnits } from '../money.ts';
import { describeIssues, malformed } from '../payload-errors.ts';
import { orderPayloadSchema, type AddressPayload, type LineItemPayload, type OrderPayload } from './order-payload-schema.ts';
import { shippingMethodOf, toStorefrontAddress } from './shipping-address.ts';

const FINANCIAL_STATUSES: ReadonlySet<string> = new Set<FinancialStatus>([
  'pending', 'authorized', 'paid', 'partially_paid', 'partially_refunded', 'refunded', 'voided',
]);

/**
 * Normalises an orders/* webhook body (Shopify's REST Order resource) into a
 * StorefrontOrder. Call it only on a body whose signature has been verified.
 */
export function parseShopifyOrder(rawBody: string): ParseResult<StorefrontOrder> {
  let json: unknown;
  try {
    // lossless-json keeps every number's exact text: JSON.parse would round the ids.
    json = parseLosslessJson(rawBody);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // The parser's message may quote the body; keep it out of logs and the admin.
    return malformed('body is not valid JSON');
  }

  const parsed = orderPayloadSchema.safeParse(json, {
    error: (issue) => (issue.input === undefined ? 'is missing' : undefined),
  });
  if (!parsed.success) return malformed(describeIssues('Shopify order', parsed.error.issues, IDENTIFYING_FIELDS));
  return toStorefrontOrder(parsed.data);
}

function toStorefrontOrder(order: OrderPayload): ParseResult<StorefrontOrder> {
  const total = toMinorUnits(order.total_price, order.currency);
  if (!total.ok) return malformed(`total_price ${total.message}`);

  const lines: StorefrontOrderLine[] = [];
  for (const [index, item] of order.line_items.entries()) {
    const line = toOrderLine(item, order.currency);
    if (!line.ok) return malformed(`line_items[${index}].${line.message}`);
    lines.push(line.value);
  }

  return {
    ok: true,
    value: {
      platform: 'shopify',
      externalId: order.id,
      name: order.name,
      currency: order.currency,
      totalMinor: total.value,
      financialStatus: toFinancialStatus(order.financial_status),
      cancelledAt: order.cancelled_at ?? null,
      placedAt: order.created_at,
      updatedAt: order.updated_at ?? order.created_at,
      customer: {
        externalId: order.customer?.id ?? null,
        // The order's own address is where this order's messages go.
        email: textOrNull(order.email) ?? textOrNull(order.contact_email) ?? textOrNull(order.customer?.email),
        firstName: textOrNull(order.customer?.first_name),
        lastName: textOrNull(order.customer?.last_name),
      },
      shippingAddress: toShippingAddress(order.shipping_address),
      shippingMethod: shippingMethodOf(order.shipping_lines),
      note: textOrNull(order.note),
      tags: splitTags(order.tags),
      lines,
    },
  };
}

function toOrderLine(
  item: LineItemPayload,
  currency: string,
): { ok: true; value: StorefrontOrderLine } | { ok: false; message: string } {
  const price = toMinorUnits(item.price, currency);
  if (!price.ok) return { ok: false, message: `price ${price.message}` };
  if (price.value < 0) return { ok: false, message: 'price is negative' };
  return {
    ok: true,
    value: {
      externalId: item.id,
      productExternalId: item.product_id ?? null,
      variantExternalId: item.variant_id ?? null,
      sku: textOrNull(item.sku),
      title: item.title,
      variantTitle: textOrNull(item.variant_title),
      quantity: item.quantity,
      unitPriceMinor: price.value,
      properties: item.properties ?? [],
      requiresShipping: item.requires_shipping ?? true,
    },
  };
}

function toShippingAddress(address: AddressPayload | null | undefined) {
  if (!address) return null;
  return toStorefrontAddress({
    name: address.name,
    firstName: address.first_name,
    lastName: address.last_name,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    zip: address.zip,
    countryCode: address.country_code,
    phone: address.phone,
  });
}

// Shopify also sends e.g. "expired"; anything outside the contract's set is 'unknown'.
function toFinancialStatus(value: string | null | undefined): FinancialStatus {
  return isFinancialStatus(value) ? value : 'unknown';
}

function isFinancialStatus(value: string | null | undefined): value is FinancialStatus {
  return value !== null && value !== undefined && FINANCIAL_STATUSES.has(value);
}

function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function splitTags(tags: string | string[] | null | undefined): string[] {
  const list = typeof tags === 'string' ? tags.split(',') : (tags ?? []);
  return list.map((tag) => tag.trim()).filter((tag) => tag !== '');
}

// What makes a payload an order at all, so it is named first when it is wrong.
const IDENTIFYING_FIELDS = new Set<PropertyKey>(['id', 'line_items']);



