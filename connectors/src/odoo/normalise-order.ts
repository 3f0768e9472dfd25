import type { FinancialStatus, ParseResult, StorefrontAddress, StorefrontOrder, StorefrontOrderLine } from '../contract.ts';
import { odooAmountToMinor, odooDatetimeToIso, odooQuantity } from './odoo-values.ts';
import type { LineRead, OrderBundle, PartnerRead, ProductRead } from './order-read.ts';
import { malformed } from '../payload-errors.ts';

type LineResult = { ok: true; value: StorefrontOrderLine | null } | { ok: false; message: string };

/**
 * A sale order as read from Odoo, as a StorefrontOrder.
 *
 * Odoo has no payment status on a sale order (payments live on invoices and transactions),
 * so the order's state says what production should do: a confirmed order (`sale`, or
 * `done` before 17) is the merchant's commitment to deliver it and reads as `paid`;
 * a quotation (`draft`, `sent`) is `pending`; a cancelled order is `voided`, cancelled at
 * its last write (Odoo keeps no cancellation time).
 */
export function normaliseOdooOrder(bundle: OrderBundle): ParseResult<StorefrontOrder> {
  const { order } = bundle;
  const where = `sale.order ${order.id} (${order.name})`;

  const currency = order.currency_id === false ? null : order.currency_id[1].trim().toUpperCase();
  if (currency === null || !/^[A-Z]{3}$/.test(currency)) return malformed(`${where}: currency_id is not an ISO 4217 currency`);

  const total = odooAmountToMinor(order.amount_total, currency);
  if (!total.ok) return malformed(`${where}: amount_total ${total.message}`);

  const placedAt = odooDatetimeToIso(order.date_order);
  if (placedAt === null) return malformed(`${where}: date_order "${order.date_order}" is not an Odoo datetime`);
  const updatedAt = order.write_date === undefined ? placedAt : odooDatetimeToIso(order.write_date);
  if (updatedAt === null) return malformed(`${where}: write_date "${order.write_date}" is not an Odoo datetime`);

  const linesById = new Map(bundle.lines.map((line) => [line.id, line]));
  const productsById = new Map(bundle.products.map((product) => [product.id, product]));
  const lines: StorefrontOrderLine[] = [];
  for (const lineId of order.order_line) {
    const read = linesById.get(lineId);
    if (!read) return malformed(`${where}: order line ${lineId} was not read`);
    const line = toOrderLine(read, currency, productsById);
    if (!line.ok) return malformed(`${where}: sale.order.line ${lineId} ("${firstLine(read.name)}"): ${line.message}`);
    if (line.value) lines.push(line.value);
  }

  return {
    ok: true,
    value: {
      platform: 'odoo',
      externalId: String(order.id),
      name: order.name,
      currency,
      totalMinor: total.value,
      financialStatus: financialStatusOf(order.state),
      cancelledAt: order.state === 'cancel' ? updatedAt : null,
      placedAt,
      updatedAt,
      customer: customerOf(order.partner_id, bundle.partners),
      shippingAddress: shippingAddressOf(order.partner_shipping_id ?? false, bundle.partners),
      // carrier_id is read only where `delivery` is installed; without it there is no method.
      shippingMethod: order.carrier_id ? textOrNull(order.carrier_id[1]) : null,
      note: null,
      tags: [],
      lines,
    },
  };
}

function toOrderLine(line: LineRead, currency: string, products: ReadonlyMap<number, ProductRead>): LineResult {
  // Sections and notes only lay out the quotation; down payments are invoicing entries.
  if (line.display_type) return { ok: true, value: null };
  if (line.is_downpayment) return { ok: true, value: null };
  if (line.product_id === false) return { ok: false, message: 'has no product' };

  const quantity = odooQuantity(line.product_uom_qty);
  if (!quantity.ok) return { ok: false, message: `product_uom_qty ${quantity.message}` };
  const price = odooAmountToMinor(line.price_unit, currency);
  if (!price.ok) return { ok: false, message: `price_unit ${price.message}` };
  // A negative unit price is a discount or reward line (loyalty, coupons), nothing to make.
  if (price.value < 0) return { ok: true, value: null };

  const [productId, productName] = line.product_id;
  const [title = '', ...details] = line.name.split('\n');
  return {
    ok: true,
    value: {
      externalId: String(line.id),
      // Odoo sells a product.product (the variant) of a product.template (the product).
      productExternalId: line.product_template_id ? String(line.product_template_id[0]) : null,
      variantExternalId: String(productId),
      sku: products.get(productId)?.default_code ?? null,
      title: title.trim() || productName,
      variantTitle: null,
      quantity: quantity.value,
      unitPriceMinor: price.value,
      properties: detailsToProperties(details),
      requiresShipping: line.product_type !== 'service',
    },
  };
}

/**
 * Odoo writes what the customer chose below the product in the line's description:
 * custom attribute values as "Engraving: Hello", then any free text. "Name: value" lines
 * become properties of that name; other lines are kept as "Description".
 */
function detailsToProperties(details: readonly string[]): StorefrontOrderLine['properties'] {
  return details
    .map((detail) => detail.trim())
    .filter((detail) => detail !== '')
    .map((detail) => {
      const match = /^([^:]{1,60}):\s*(.*)$/.exec(detail);
      return match ? { name: match[1]!.trim(), value: match[2]!.trim() } : { name: 'Description', value: detail };
    });
}

function customerOf(partner: OrderBundle['order']['partner_id'], partners: readonly PartnerRead[]): StorefrontOrder['customer'] {
  if (partner === false) return { externalId: null, email: null, firstName: null, lastName: null };
  const [id, displayName] = partner;
  const read = partners.find((candidate) => candidate.id === id);
  // Odoo keeps one name per contact (a person or a company) and no first/last split, which
  // cannot be guessed across cultures: the whole name goes in firstName.
  return {
    externalId: String(id),
    email: textOrNull(read?.email),
    firstName: textOrNull(read?.name) ?? textOrNull(displayName),
    lastName: null,
  };
}

/**
 * The delivery contact (`partner_shipping_id`, the customer itself unless the order ships
 * elsewhere) as an address; null when the order has none or it was not read.
 */
function shippingAddressOf(partner: OrderBundle['order']['partner_id'], partners: readonly PartnerRead[]): StorefrontAddress | null {
  if (partner === false) return null;
  const read = partners.find((candidate) => candidate.id === partner[0]);
  if (!read) return null;
  const name = textOrNull(read.name);
  const countryCode = textOrNull(read.country_code)?.toUpperCase() ?? null;
  const address: StorefrontAddress = {
    name,
    company: companyOf(read, name),
    address1: textOrNull(read.street),
    address2: textOrNull(read.street2),
    city: textOrNull(read.city),
    province: read.state_id ? provinceName(read.state_id[1], countryCode) : null,
    postalCode: textOrNull(read.zip),
    countryCode: countryCode !== null && /^[A-Z]{2}$/.test(countryCode) ? countryCode : null,
    phone: textOrNull(read.phone),
  };
  return Object.values(address).every((value) => value === null) ? null : address;
}

/**
 * `commercial_company_name` is the company the contact belongs to; a contact with no
 * company gets its own name there (19+) or nothing (17, 18), which is no company.
 */
function companyOf(read: PartnerRead, name: string | null): string | null {
  const company = textOrNull(read.commercial_company_name) ?? (read.parent_id ? textOrNull(read.parent_id[1]) : null);
  return company === name ? null : company;
}

/** A res.country.state's display name is "Name (CC)" since 17: the name alone is the province. */
function provinceName(displayName: string, countryCode: string | null): string | null {
  const match = /^(.*\S)\s+\(([A-Za-z]{2})\)$/.exec(displayName.trim());
  if (match && (countryCode === null || match[2]!.toUpperCase() === countryCode)) return match[1]!;
  return textOrNull(displayName);
}

function financialStatusOf(state: string): FinancialStatus {
  switch (state) {
    case 'sale':
    case 'done':
      return 'paid';
    case 'draft':
    case 'sent':
      return 'pending';
    case 'cancel':
      return 'voided';
    default:
      return 'unknown';
  }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 80);
}

function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

