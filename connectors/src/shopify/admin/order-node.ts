import { z } from 'zod';
import type { ConnectorFailure, FinancialStatus, StorefrontOrder, StorefrontOrderLine } from '../../contract.ts';
import { toMinorUnits } from '../../money.ts';
import { shippingMethodOf, toStorefrontAddress } from '../shipping-address.ts';
import { legacyIdOf } from './gid.ts';

// What Pressline reads of a GraphQL Admin `Order`, and how it becomes a StorefrontOrder
// that matches what parse-order.ts makes of the same order's webhook. Amounts are the
// shop-currency (`shopMoney`) ones, as in the webhook's `total_price` and `price`.

export const ORDER_FRAGMENT = /* GraphQL */ `
  fragment PresslineOrder on Order {
    legacyResourceId
    name
    email
    note
    tags
    createdAt
    updatedAt
    cancelledAt
    currencyCode
    displayFinancialStatus
    totalPriceSet { shopMoney { amount currencyCode } }
    customer { legacyResourceId firstName lastName defaultEmailAddress { emailAddress } }
    shippingAddress { name company address1 address2 city province zip countryCodeV2 phone }
    shippingLine { title }
    lineItems(first: $lineItemsFirst) {
      pageInfo { hasNextPage endCursor }
      nodes { ...PresslineLineItem }
    }
  }
`;

export const LINE_ITEM_FRAGMENT = /* GraphQL */ `
  fragment PresslineLineItem on LineItem {
    id
    sku
    title
    variantTitle
    quantity
    requiresShipping
    originalUnitPriceSet { shopMoney { amount } }
    customAttributes { key value }
    variant { legacyResourceId }
    product { legacyResourceId }
  }
`;

const moneySchema = z.object({ amount: z.string() });

export const lineItemNodeSchema = z.object({
  id: z.string(),
  sku: z.string().nullish(),
  title: z.string(),
  variantTitle: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  requiresShipping: z.boolean(),
  originalUnitPriceSet: z.object({ shopMoney: moneySchema }),
  customAttributes: z.array(z.object({ key: z.string(), value: z.string().nullish() })),
  variant: z.object({ legacyResourceId: z.string() }).nullish(),
  product: z.object({ legacyResourceId: z.string() }).nullish(),
});

export const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

export const orderNodeSchema = z.object({
  legacyResourceId: z.string(),
  name: z.string(),
  email: z.string().nullish(),
  note: z.string().nullish(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullish(),
  currencyCode: z.string(),
  displayFinancialStatus: z.string().nullish(),
  totalPriceSet: z.object({ shopMoney: moneySchema.extend({ currencyCode: z.string() }) }),
  customer: z
    .object({
      legacyResourceId: z.string(),
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      defaultEmailAddress: z.object({ emailAddress: z.string().nullish() }).nullish(),
    })
    .nullish(),
  shippingAddress: z
    .object({
      name: z.string().nullish(),
      company: z.string().nullish(),
      address1: z.string().nullish(),
      address2: z.string().nullish(),
      city: z.string().nullish(),
      province: z.string().nullish(),
      zip: z.string().nullish(),
      countryCodeV2: z.string().nullish(),
      phone: z.string().nullish(),
    })
    .nullish(),
  shippingLine: z.object({ title: z.string() }).nullish(),
  lineItems: z.object({ pageInfo: pageInfoSchema, nodes: z.array(lineItemNodeSchema) }),
});

export type OrderNode = z.output<typeof orderNodeSchema>;
export type LineItemNode = z.output<typeof lineItemNodeSchema>;

// OrderDisplayFinancialStatus values; EXPIRED (an authorization that lapsed) has no
// counterpart in the contract, as parse-order.ts treats "expired".
const FINANCIAL_STATUS: Record<string, FinancialStatus> = {
  PENDING: 'pending',
  AUTHORIZED: 'authorized',
  PAID: 'paid',
  PARTIALLY_PAID: 'partially_paid',
  PARTIALLY_REFUNDED: 'partially_refunded',
  REFUNDED: 'refunded',
  VOIDED: 'voided',
};

type Mapped<T> = { ok: true; value: T } | ConnectorFailure;

/** Maps an order node whose `lineItems.nodes` already hold every line of the order. */
export function toStorefrontOrder(node: OrderNode, lineNodes: readonly LineItemNode[]): Mapped<StorefrontOrder> {
  const where = `order ${node.legacyResourceId}`;
  const currency = node.currencyCode.toUpperCase();
  const total = toMinorUnits(node.totalPriceSet.shopMoney.amount, currency);
  if (!total.ok) return rejected(`${where}: total price ${total.message}`);

  const lines: StorefrontOrderLine[] = [];
  for (const lineNode of lineNodes) {
    const line = toOrderLine(lineNode, currency);
    if (!line.ok) return rejected(`${where}: ${line.message}`);
    lines.push(line.value);
  }

  const placedAt = isoTime(node.createdAt);
  const updatedAt = isoTime(node.updatedAt);
  const cancelledAt = node.cancelledAt ? isoTime(node.cancelledAt) : null;
  if (placedAt === null || updatedAt === null || (node.cancelledAt && cancelledAt === null)) {
    return rejected(`${where}: a timestamp is not ISO 8601`);
  }

  return {
    ok: true,
    value: {
      platform: 'shopify',
      externalId: node.legacyResourceId,
      name: node.name,
      currency,
      totalMinor: total.value,
      financialStatus: FINANCIAL_STATUS[node.displayFinancialStatus ?? ''] ?? 'unknown',
      cancelledAt,
      placedAt,
      updatedAt,
      customer: {
        externalId: node.customer?.legacyResourceId ?? null,
        // The order's own address first, as for webhooks: it is where this order's mail goes.
        email: textOrNull(node.email) ?? textOrNull(node.customer?.defaultEmailAddress?.emailAddress),
        firstName: textOrNull(node.customer?.firstName),
        lastName: textOrNull(node.customer?.lastName),
      },
      shippingAddress: node.shippingAddress ? toStorefrontAddress({ ...node.shippingAddress, countryCode: node.shippingAddress.countryCodeV2 }) : null,
      // Order.shippingLine is the line the webhook lists first in `shipping_lines`.
      shippingMethod: shippingMethodOf(node.shippingLine ? [node.shippingLine] : null),
      note: textOrNull(node.note),
      tags: node.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
      lines,
    },
  };
}

function toOrderLine(node: LineItemNode, currency: string): { ok: true; value: StorefrontOrderLine } | { ok: false; message: string } {
  const externalId = legacyIdOf(node.id);
  if (externalId === null) return { ok: false, message: `line item id ${node.id} is not a Shopify gid` };
  const price = toMinorUnits(node.originalUnitPriceSet.shopMoney.amount, currency);
  if (!price.ok) return { ok: false, message: `line ${externalId} price ${price.message}` };
  if (price.value < 0) return { ok: false, message: `line ${externalId} price is negative` };
  return {
    ok: true,
    value: {
      externalId,
      productExternalId: node.product?.legacyResourceId ?? null,
      variantExternalId: node.variant?.legacyResourceId ?? null,
      sku: textOrNull(node.sku),
      title: node.title,
      variantTitle: textOrNull(node.variantTitle),
      quantity: node.quantity,
      unitPriceMinor: price.value,
      properties: node.customAttributes.map(({ key, value }) => ({ name: key, value: value ?? '' })),
      requiresShipping: node.requiresShipping,
    },
  };
}

/** Same normal form as parse-order.ts: `Date#toISOString`. */
function isoTime(value: string): string | null {
  const time = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function rejected(message: string): ConnectorFailure {
  return { ok: false, reason: 'rejected', message };
}
