import { LosslessNumber, stringify } from 'lossless-json';
import { currencyExponent, formatMinorUnits, toMinorUnits } from '../../money.ts';

export interface SimulatedOrderLine {
  /** Numeric line item id as a string; may exceed 2^53. */
  id: string;
  title: string;
  quantity: number;
  sku?: string;
  /** Unit price as Shopify writes it, e.g. "24.90". Defaults to 10 major units. */
  price?: string;
  properties?: { name: string; value: string }[];
  productId?: string;
  variantId?: string;
  variantTitle?: string;
}

/** A shipping address in Shopify's terms; Shopify derives `name` from the first and last names. */
export interface SimulatedAddress {
  firstName?: string;
  lastName?: string;
  company?: string;
  address1?: string;
  address2?: string;
  city?: string;
  /** e.g. "Kentucky" */
  province?: string;
  /** e.g. "KY" */
  provinceCode?: string;
  zip?: string;
  /** e.g. "United States" */
  country?: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  countryCode?: string;
  phone?: string;
}

/** Where a simulated order ships when the test does not say. */
export const DEFAULT_SHIPPING_ADDRESS: Readonly<SimulatedAddress> = Object.freeze({
  firstName: 'Alex',
  lastName: 'Rivera',
  address1: '500 Market Street',
  address2: 'Suite 12',
  city: 'San Francisco',
  province: 'California',
  provinceCode: 'CA',
  zip: '94105',
  country: 'United States',
  countryCode: 'US',
  phone: '+14155550123',
});

/** The shipping line's title when the test does not say. */
export const DEFAULT_SHIPPING_METHOD = 'Standard';

export interface SimulatedOrder {
  /** Numeric order id as a string; may exceed 2^53. */
  id: string;
  /** e.g. "#1001" */
  name: string;
  lines: SimulatedOrderLine[];
  email?: string;
  /** The shop's customer account that placed it (a logged-in customer); a guest checkout when omitted. */
  customerId?: string;
  /** ISO 4217, defaults to USD. */
  currency?: string;
  /** Defaults to now. */
  createdAt?: string;
  /** The version's time; later updates of one order carry later values. Defaults to createdAt. */
  updatedAt?: string;
  /** Defaults to "paid". */
  financialStatus?: string;
  /** Set on a cancelled order. */
  cancelledAt?: string | null;
  note?: string | null;
  /** Defaults to DEFAULT_SHIPPING_ADDRESS; null for an order that ships nowhere. */
  shippingAddress?: SimulatedAddress | null;
  /** The shipping line's title; defaults to DEFAULT_SHIPPING_METHOD, null for no shipping line. */
  shippingMethod?: string | null;
}

/**
 * A raw orders/* webhook body shaped like Shopify's official sample order, with ids
 * written as bare JSON numbers exactly as Shopify writes them (even past 2^53).
 * Totals are computed from the lines; no discounts or tax, and shipping is free.
 */
export function buildShopifyOrderPayload(order: SimulatedOrder): string {
  const currency = (order.currency ?? 'USD').toUpperCase();
  const createdAt = order.createdAt ?? shopifyTimestamp(new Date());

  let totalMinor = 0n;
  const lineItems = order.lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`line ${line.id}: quantity must be a non-negative integer`);
    }
    const price = line.price ?? formatMinorUnits(10n * 10n ** BigInt(currencyExponent(currency)), currency);
    const unit = toMinorUnits(price, currency);
    if (!unit.ok) throw new RangeError(`line ${line.id}: price ${unit.message}`);
    totalMinor += BigInt(unit.value) * BigInt(line.quantity);
    return {
      id: numericId(line.id, 'line id'),
      admin_graphql_api_id: `gid://shopify/LineItem/${line.id}`,
      attributed_staffs: [],
      current_quantity: line.quantity,
      fulfillable_quantity: line.quantity,
      fulfillment_service: 'manual',
      fulfillment_status: null,
      gift_card: false,
      grams: 0,
      name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
      price,
      price_set: moneySet(price, currency),
      product_exists: line.productId !== undefined,
      product_id: line.productId === undefined ? null : numericId(line.productId, 'product id'),
      properties: line.properties ?? [],
      quantity: line.quantity,
      requires_shipping: true,
      sales_line_item_group_id: null,
      sku: line.sku ?? null,
      taxable: true,
      title: line.title,
      total_discount: zero(currency),
      total_discount_set: moneySet(zero(currency), currency),
      variant_id: line.variantId === undefined ? null : numericId(line.variantId, 'variant id'),
      variant_inventory_management: null,
      variant_title: line.variantTitle ?? null,
      vendor: null,
      tax_lines: [],
      duties: [],
      discount_allocations: [],
    };
  });

  const total = formatMinorUnits(totalMinor, currency);
  const shippingAddress = order.shippingAddress === undefined ? DEFAULT_SHIPPING_ADDRESS : order.shippingAddress;
  const shippingMethod = order.shippingMethod === undefined ? DEFAULT_SHIPPING_METHOD : order.shippingMethod;
  const orderNumber = /^#?(\d+)$/.exec(order.name)?.[1];
  const payload = {
    id: numericId(order.id, 'order id'),
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: false,
    cancel_reason: order.cancelledAt ? 'customer' : null,
    cancelled_at: order.cancelledAt ?? null,
    cart_token: null,
    checkout_token: null,
    client_details: null,
    closed_at: null,
    confirmation_number: null,
    confirmed: true,
    contact_email: order.email ?? null,
    created_at: createdAt,
    currency,
    current_subtotal_price: total,
    current_subtotal_price_set: moneySet(total, currency),
    current_total_discounts: zero(currency),
    current_total_discounts_set: moneySet(zero(currency), currency),
    current_total_price: total,
    current_total_price_set: moneySet(total, currency),
    current_total_tax: zero(currency),
    current_total_tax_set: moneySet(zero(currency), currency),
    ...(order.customerId === undefined ? {} : { customer: { id: numericId(order.customerId, 'customer id'), email: order.email ?? null } }),
    customer_locale: 'en',
    discount_codes: [],
    email: order.email ?? null,
    estimated_taxes: false,
    financial_status: order.financialStatus ?? 'paid',
    fulfillment_status: null,
    name: order.name,
    note: order.note ?? null,
    note_attributes: [],
    number: orderNumber === undefined ? null : new LosslessNumber(orderNumber),
    order_number: orderNumber === undefined ? null : new LosslessNumber(orderNumber),
    presentment_currency: currency,
    processed_at: createdAt,
    source_name: 'web',
    subtotal_price: total,
    subtotal_price_set: moneySet(total, currency),
    tags: '',
    tax_exempt: false,
    tax_lines: [],
    taxes_included: false,
    test: false,
    total_discounts: zero(currency),
    total_discounts_set: moneySet(zero(currency), currency),
    total_line_items_price: total,
    total_line_items_price_set: moneySet(total, currency),
    total_outstanding: zero(currency),
    total_price: total,
    total_price_set: moneySet(total, currency),
    total_tax: zero(currency),
    total_tax_set: moneySet(zero(currency), currency),
    total_weight: 0,
    updated_at: order.updatedAt ?? createdAt,
    user_id: null,
    discount_applications: [],
    fulfillments: [],
    line_items: lineItems,
    payment_terms: null,
    refunds: [],
    shipping_address: shippingAddress === null ? null : addressPayload(shippingAddress),
    shipping_lines: shippingMethod === null ? [] : [shippingLinePayload(order.id, shippingMethod, currency)],
    returns: [],
    line_item_groups: [],
  };

  const body = stringify(payload);
  if (body === undefined) throw new Error('order payload did not serialise');
  return body;
}

/** A MailingAddress's full name as Shopify derives it: first and last name, or null. */
export function simulatedAddressName(address: Readonly<SimulatedAddress>): string | null {
  return [address.firstName, address.lastName].filter((part) => part !== undefined && part !== '').join(' ') || null;
}

/** As in the official sample: every key present, absent values null. */
function addressPayload(address: Readonly<SimulatedAddress>) {
  return {
    first_name: address.firstName ?? null,
    address1: address.address1 ?? null,
    phone: address.phone ?? null,
    city: address.city ?? null,
    zip: address.zip ?? null,
    province: address.province ?? null,
    country: address.country ?? null,
    last_name: address.lastName ?? null,
    address2: address.address2 ?? null,
    company: address.company ?? null,
    latitude: null,
    longitude: null,
    name: simulatedAddressName(address),
    country_code: address.countryCode ?? null,
    province_code: address.provinceCode ?? null,
  };
}

function shippingLinePayload(orderId: string, title: string, currency: string) {
  const free = zero(currency);
  return {
    // One shipping line per order: its id may as well follow from the order's.
    id: new LosslessNumber((BigInt(numericId(orderId, 'order id').toString()) + 1n).toString()),
    carrier_identifier: null,
    code: title,
    current_discounted_price_set: moneySet(free, currency),
    discounted_price: free,
    discounted_price_set: moneySet(free, currency),
    is_removed: false,
    phone: null,
    price: free,
    price_set: moneySet(free, currency),
    requested_fulfillment_service_id: null,
    source: 'shopify',
    title,
    tax_lines: [],
    discount_allocations: [],
  };
}

function numericId(id: string, what: string): LosslessNumber {
  if (!/^[1-9]\d*$/.test(id)) throw new RangeError(`${what} must be a positive integer in decimal: ${id}`);
  return new LosslessNumber(id);
}

function moneySet(amount: string, currency: string) {
  return {
    shop_money: { amount, currency_code: currency },
    presentment_money: { amount, currency_code: currency },
  };
}

function zero(currency: string): string {
  return formatMinorUnits(0, currency);
}

/** Shopify writes times to the second with an offset: 2021-12-31T19:00:00-05:00. */
function shopifyTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
