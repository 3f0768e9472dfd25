import type { ParseResult, StorefrontAddress, StorefrontOrder, StorefrontOrderLine } from '../contract.ts';
import { decodeHtmlEntities } from './html-entities.ts';
import { orderPayloadSchema, type LineItemPayload, type MetaDataPayload, type OrderPayload, type ShippingPayload } from './order-payload-schema.ts';
import { wooCommerceOrderState } from './order-status.ts';
import { wcAmountToMinor } from './wc-money.ts';
import { describeIssues, malformed } from '../payload-errors.ts';

/**
 * Normalises a WooCommerce REST v3 order (an order.* webhook body, or GET orders/<id>)
 * into a StorefrontOrder. Call it only on a body whose signature has been verified.
 */
export function parseWooCommerceOrder(rawBody: string): ParseResult<StorefrontOrder> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // The parser's message may quote the body; keep it out of logs and the admin.
    return malformed('body is not valid JSON');
  }
  return normaliseWooCommerceOrder(json);
}

/** The same, for an order the REST client already decoded. */
export function normaliseWooCommerceOrder(json: unknown): ParseResult<StorefrontOrder> {
  const parsed = orderPayloadSchema.safeParse(json, {
    error: (issue) => (issue.input === undefined ? 'is missing' : undefined),
  });
  if (!parsed.success) return malformed(describeIssues('WooCommerce order', parsed.error.issues, IDENTIFYING_FIELDS));
  return toStorefrontOrder(parsed.data);
}

function toStorefrontOrder(order: OrderPayload): ParseResult<StorefrontOrder> {
  const total = wcAmountToMinor(order.total, order.currency);
  if (!total.ok) return malformed(`total ${total.message}`);

  const lines: StorefrontOrderLine[] = [];
  for (const [index, item] of order.line_items.entries()) {
    const line = toOrderLine(item, order.currency);
    if (!line.ok) return malformed(`line_items[${index}].${line.message}`);
    lines.push(line.value);
  }

  const updatedAt = order.date_modified_gmt ?? order.date_created_gmt;
  const state = wooCommerceOrderState({
    status: order.status,
    paid: Boolean(textOrNull(order.date_paid_gmt) ?? textOrNull(order.date_paid)),
    hasRefunds: (order.refunds ?? []).length > 0,
    modifiedAt: updatedAt,
  });
  const customerId = order.customer_id ?? null;

  return {
    ok: true,
    value: {
      platform: 'woocommerce',
      externalId: order.id,
      // WooCommerce shows orders as "#727"; plugins may replace the number ("WC-2026-0042").
      name: `#${textOrNull(order.number) ?? order.id}`,
      currency: order.currency,
      totalMinor: total.value,
      financialStatus: state.financialStatus,
      cancelledAt: state.cancelledAt,
      placedAt: order.date_created_gmt,
      updatedAt,
      customer: {
        // customer_id 0 is a guest checkout.
        externalId: customerId === null || customerId === '0' ? null : customerId,
        email: textOrNull(order.billing?.email),
        firstName: textOrNull(order.billing?.first_name),
        lastName: textOrNull(order.billing?.last_name),
      },
      shippingAddress: shippingAddress(order.shipping),
      shippingMethod: shippingMethod(order.shipping_lines),
      note: textOrNull(order.customer_note),
      // WooCommerce orders have no tags.
      tags: [],
      lines,
    },
  };
}

function toOrderLine(
  item: LineItemPayload,
  currency: string,
): { ok: true; value: StorefrontOrderLine } | { ok: false; message: string } {
  // `price` is a float WooCommerce derives from the total (3.3333333 for 10.00 / 3);
  // the line subtotal (before coupons) is exact, so the unit price comes from it.
  const subtotal = wcAmountToMinor(item.subtotal, currency);
  if (!subtotal.ok) return { ok: false, message: `subtotal ${subtotal.message}` };
  if (subtotal.value < 0) return { ok: false, message: 'subtotal is negative' };
  const unitPriceMinor = item.quantity > 0 ? Math.round(subtotal.value / item.quantity) : subtotal.value;

  return {
    ok: true,
    value: {
      externalId: item.id,
      productExternalId: nonZeroId(item.product_id),
      variantExternalId: nonZeroId(item.variation_id),
      sku: textOrNull(item.sku),
      title: decodeHtmlEntities(item.name),
      // A variation's attributes are part of `name` and of the properties below.
      variantTitle: null,
      quantity: item.quantity,
      unitPriceMinor,
      properties: lineProperties(item.meta_data ?? []),
      // The REST line item does not say whether the product is virtual.
      requiresShipping: true,
    },
  };
}

/**
 * Line meta as the customer entered it: variation attributes, add-on options, upload
 * links. Keys starting with "_" are WooCommerce's and plugins' private bookkeeping.
 */
export function lineProperties(meta: readonly MetaDataPayload[]): { name: string; value: string }[] {
  return meta.filter((entry) => !entry.key.startsWith('_')).map((entry) => ({ name: entry.key, value: metaText(entry) }));
}

function metaText(entry: MetaDataPayload): string {
  const { value } = entry;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  // Structured values (some add-on plugins store arrays): the shop's own rendering if it
  // is plain text, the JSON otherwise, so nothing is lost.
  if (typeof entry.display_value === 'string' && !/[<>]/.test(entry.display_value)) return entry.display_value;
  return JSON.stringify(value);
}

/**
 * The order's `shipping` address. WooCommerce stores unset fields as "", and a virtual or
 * local-pickup order has an address with every field empty: that is no address at all.
 */
function shippingAddress(shipping: ShippingPayload | null | undefined): StorefrontAddress | null {
  if (!shipping) return null;
  const country = trimmedOrNull(shipping.country)?.toUpperCase() ?? null;
  const address: StorefrontAddress = {
    name: trimmedOrNull([shipping.first_name, shipping.last_name].map((part) => part?.trim() ?? '').join(' ')),
    company: trimmedOrNull(shipping.company),
    address1: trimmedOrNull(shipping.address_1),
    address2: trimmedOrNull(shipping.address_2),
    city: trimmedOrNull(shipping.city),
    province: trimmedOrNull(shipping.state),
    postalCode: trimmedOrNull(shipping.postcode),
    // WooCommerce keeps ISO 3166-1 alpha-2 codes; anything else is not one.
    countryCode: country !== null && /^[A-Z]{2}$/.test(country) ? country : null,
    phone: trimmedOrNull(shipping.phone),
  };
  return Object.values(address).every((value) => value === null) ? null : address;
}

/** The first shipping line's method, as the customer saw it at checkout. */
function shippingMethod(lines: readonly { method_title?: string | null | undefined }[] | null | undefined): string | null {
  const title = lines?.[0]?.method_title;
  return title === null || title === undefined ? null : trimmedOrNull(decodeHtmlEntities(title));
}

function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function nonZeroId(id: string | null | undefined): string | null {
  return id === null || id === undefined || id === '0' ? null : id;
}

function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

// What makes a payload an order at all, so it is named first when it is wrong.
const IDENTIFYING_FIELDS = new Set<PropertyKey>(['id', 'line_items']);



