import { createHash } from 'node:crypto';
import { currencyExponent, formatMinorUnits, toMinorUnits } from '../../money.ts';
import {
  DEFAULT_SHIPPING_ADDRESS,
  DEFAULT_SHIPPING_METHOD,
  simulatedAddressName,
  type SimulatedAddress,
  type SimulatedOrder,
  type SimulatedOrderLine,
} from '../simulator/build-order-payload.ts';

// The fake Admin API's state: what Shopify would hold for one shop, changed only the
// way the documented mutations change it. No GraphQL here; fake-admin-resolvers.ts
// turns it into the Admin API's object shapes.

/** A line as the storefront simulator writes it, plus what only the Admin API shows. */
export interface FakeOrderLineSeed extends SimulatedOrderLine {
  /** Defaults to true. */
  requiresShipping?: boolean;
}

/**
 * An order as a test wants it to exist in the shop. Field names follow the storefront
 * simulator's `SimulatedOrder`, so the same value can seed the webhook and the API.
 */
export interface FakeOrderSeed extends Omit<SimulatedOrder, 'lines' | 'createdAt' | 'shippingAddress' | 'shippingMethod'> {
  lines: FakeOrderLineSeed[];
  /** As the simulator's: defaults to its DEFAULT_SHIPPING_ADDRESS; null for an order that ships nowhere. */
  shippingAddress?: SimulatedAddress | null;
  /** The shipping line's title, as the simulator's: defaults to "Standard"; null for none. */
  shippingMethod?: string | null;
  /** Defaults to the fake's clock. */
  createdAt?: string;
  tags?: string[];
  customer?: { id: string; firstName?: string; lastName?: string; email?: string } | null;
  /**
   * Line ids per fulfillment order, each at its own location. By default a single
   * fulfillment order holds every line that requires shipping.
   */
  fulfillmentOrders?: string[][];
}

export interface FakeLineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  price: string;
  properties: { name: string; value: string }[];
  requiresShipping: boolean;
  productId: string | null;
  variantId: string | null;
}

/** An order's shipping address as the Admin API's MailingAddress holds it. */
export interface FakeAddress {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface FakeOrder {
  id: string;
  name: string;
  email: string | null;
  currency: string;
  /** The Admin API's OrderDisplayFinancialStatus value, e.g. "PAID". */
  financialStatus: string | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  note: string | null;
  tags: string[];
  customer: { id: string; firstName: string | null; lastName: string | null; email: string | null } | null;
  shippingAddress: FakeAddress | null;
  /** The title of the order's shipping line, or null for none. */
  shippingMethod: string | null;
  lines: FakeLineItem[];
  totalPrice: string;
}

export type FakeFulfillmentOrderStatus = 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED' | 'ON_HOLD' | 'SCHEDULED' | 'INCOMPLETE';

export interface FakeFulfillmentOrder {
  id: string;
  orderId: string;
  locationId: string;
  status: FakeFulfillmentOrderStatus;
  lines: { id: string; lineItemId: string; totalQuantity: number; remainingQuantity: number }[];
}

export interface FakeFulfillment {
  id: string;
  orderId: string;
  name: string;
  status: 'SUCCESS' | 'CANCELLED';
  createdAt: string;
  updatedAt: string;
  notifyCustomer: boolean;
  tracking: { company: string | null; number: string | null; url: string | null }[];
  lines: { id: string; lineItemId: string; quantity: number }[];
}

export interface FakeMetafield {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeDraftOrderLine {
  id: string;
  variantId: string | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  price: string;
  currency: string;
  requiresShipping: boolean;
  customAttributes: { key: string; value: string }[];
}

export interface FakeDraftOrder {
  id: string;
  name: string;
  status: 'OPEN';
  invoiceUrl: string;
  email: string | null;
  note: string | null;
  tags: string[];
  customerId: string | null;
  createdAt: string;
  lines: FakeDraftOrderLine[];
}

export interface UserError {
  field: string[] | null;
  message: string;
  code?: string;
  elementIndex?: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export interface FulfillmentCreateInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
  }[];
  notifyCustomer?: boolean | null;
  trackingInfo?: FulfillmentTrackingInput | null;
}

export interface FulfillmentTrackingInput {
  company?: string | null;
  number?: string | null;
  numbers?: string[] | null;
  url?: string | null;
  urls?: string[] | null;
}

export interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  value: string;
  type?: string | null;
  compareDigest?: string | null;
}

export interface DraftOrderCreateInput {
  lineItems?: {
    variantId?: string | null;
    quantity: number;
    title?: string | null;
    sku?: string | null;
    requiresShipping?: boolean | null;
    originalUnitPriceWithCurrency?: { amount: string; currencyCode: string } | null;
    customAttributes?: { key: string; value: string }[] | null;
  }[] | null;
  email?: string | null;
  note?: string | null;
  tags?: string[] | null;
  purchasingEntity?: { customerId?: string | null } | null;
}

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/;
const SUPPORTED_METAFIELD_TYPES = new Set(['json', 'single_line_text_field', 'multi_line_text_field', 'number_integer', 'boolean']);
const MAX_TAG_LENGTH = 40;

export function gid(type: string, id: string): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric id inside a gid of the given type, or null. */
export function idFromGid(type: string, value: string): string | null {
  const match = GID.exec(value);
  return match && match[1] === type ? match[2]! : null;
}

/** A MailingAddress's `name`, derived as Shopify derives it. */
export function fakeAddressName(address: FakeAddress): string | null {
  return simulatedAddressName({ firstName: address.firstName ?? undefined, lastName: address.lastName ?? undefined });
}

function toFakeAddress(address: Readonly<SimulatedAddress> | null): FakeAddress | null {
  if (address === null) return null;
  return {
    firstName: address.firstName ?? null,
    lastName: address.lastName ?? null,
    company: address.company ?? null,
    address1: address.address1 ?? null,
    address2: address.address2 ?? null,
    city: address.city ?? null,
    province: address.province ?? null,
    provinceCode: address.provinceCode ?? null,
    zip: address.zip ?? null,
    country: address.country ?? null,
    countryCode: address.countryCode?.toUpperCase() ?? null,
    phone: address.phone ?? null,
  };
}

export function metafieldDigest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export class FakeAdminStore {
  readonly orders = new Map<string, FakeOrder>();
  readonly fulfillmentOrders = new Map<string, FakeFulfillmentOrder>();
  readonly fulfillments = new Map<string, FakeFulfillment>();
  readonly metafields = new Map<string, FakeMetafield>();
  readonly draftOrders = new Map<string, FakeDraftOrder>();
  /** Variants seen on seeded orders: what draftOrderCreate can sell again. */
  readonly variants = new Map<string, FakeLineItem>();

  // Generated ids start past 2^53, as Shopify's do, so no test can pass by rounding.
  private nextId = 9_007_199_254_740_993n;

  constructor(
    private readonly shopDomain: string,
    private readonly clock: () => number,
  ) {}

  seedOrder(seed: FakeOrderSeed): FakeOrder {
    const currency = (seed.currency ?? 'USD').toUpperCase();
    const createdAt = seed.createdAt ?? this.timestamp();
    const defaultPrice = formatMinorUnits(10n ** BigInt(currencyExponent(currency) + 1), currency);
    let totalMinor = 0n;
    const lines = seed.lines.map((line): FakeLineItem => {
      const price = line.price ?? defaultPrice;
      const unit = toMinorUnits(price, currency);
      if (!unit.ok) throw new RangeError(`line ${line.id}: price ${unit.message}`);
      totalMinor += BigInt(unit.value) * BigInt(line.quantity);
      return {
        id: line.id,
        title: line.title,
        variantTitle: line.variantTitle ?? null,
        sku: line.sku ?? null,
        quantity: line.quantity,
        price,
        properties: line.properties ?? [],
        requiresShipping: line.requiresShipping ?? true,
        productId: line.productId ?? null,
        variantId: line.variantId ?? null,
      };
    });
    const order: FakeOrder = {
      id: seed.id,
      name: seed.name,
      email: seed.email ?? seed.customer?.email ?? null,
      currency,
      financialStatus: (seed.financialStatus ?? 'paid').toUpperCase(),
      createdAt: normalizeTime(createdAt),
      updatedAt: normalizeTime(seed.updatedAt ?? createdAt),
      cancelledAt: seed.cancelledAt ? normalizeTime(seed.cancelledAt) : null,
      note: seed.note ?? null,
      tags: [...(seed.tags ?? [])],
      customer: seed.customer
        ? { id: seed.customer.id, firstName: seed.customer.firstName ?? null, lastName: seed.customer.lastName ?? null, email: seed.customer.email ?? null }
        : null,
      shippingAddress: toFakeAddress(seed.shippingAddress === undefined ? DEFAULT_SHIPPING_ADDRESS : seed.shippingAddress),
      shippingMethod: seed.shippingMethod === undefined ? DEFAULT_SHIPPING_METHOD : seed.shippingMethod,
      lines,
      totalPrice: formatMinorUnits(totalMinor, currency),
    };
    this.orders.set(order.id, order);
    for (const line of lines) if (line.variantId) this.variants.set(line.variantId, line);

    const shippable = lines.filter((line) => line.requiresShipping).map((line) => line.id);
    const groups = seed.fulfillmentOrders ?? (shippable.length > 0 ? [shippable] : []);
    for (const [index, lineIds] of groups.entries()) {
      const fulfillmentOrder: FakeFulfillmentOrder = {
        id: this.newId(),
        orderId: order.id,
        locationId: String(index + 1),
        status: 'OPEN',
        lines: lineIds.map((lineItemId) => {
          const line = lines.find((candidate) => candidate.id === lineItemId);
          if (!line) throw new RangeError(`fulfillment order names unknown line ${lineItemId}`);
          return { id: this.newId(), lineItemId, totalQuantity: line.quantity, remainingQuantity: line.quantity };
        }),
      };
      this.fulfillmentOrders.set(fulfillmentOrder.id, fulfillmentOrder);
    }
    return order;
  }

  /** Marks an order changed, as any merchant edit would. */
  touchOrder(orderId: string, updatedAt?: string): void {
    const order = this.requireOrder(orderId);
    order.updatedAt = normalizeTime(updatedAt ?? this.timestamp());
  }

  fulfillmentOrdersOf(orderId: string): FakeFulfillmentOrder[] {
    return [...this.fulfillmentOrders.values()].filter((fo) => fo.orderId === orderId);
  }

  fulfillmentsOf(orderId: string): FakeFulfillment[] {
    return [...this.fulfillments.values()].filter((f) => f.orderId === orderId);
  }

  metafieldOf(ownerId: string, namespace: string, key: string): FakeMetafield | null {
    return this.metafields.get(metafieldKey(ownerId, namespace, key)) ?? null;
  }

  createFulfillment(input: FulfillmentCreateInput): Outcome<FakeFulfillment> {
    const groups = input.lineItemsByFulfillmentOrder;
    if (groups.length === 0) {
      return fail(['fulfillment', 'lineItemsByFulfillmentOrder'], 'Line items by fulfillment order must contain at least one fulfillment order.');
    }
    const resolved: { fo: FakeFulfillmentOrder; lines: { line: FakeFulfillmentOrder['lines'][number]; quantity: number }[] }[] = [];
    for (const [index, group] of groups.entries()) {
      const field = ['fulfillment', 'lineItemsByFulfillmentOrder', String(index)];
      const foId = idFromGid('FulfillmentOrder', group.fulfillmentOrderId);
      const fo = foId === null ? undefined : this.fulfillmentOrders.get(foId);
      if (!fo) return fail([...field, 'fulfillmentOrderId'], 'Fulfillment order does not exist.');
      if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') {
        return fail([...field, 'fulfillmentOrderId'], `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`);
      }
      const requested = group.fulfillmentOrderLineItems;
      if (requested === undefined || requested === null) {
        // Left out: the whole fulfillment order is fulfilled.
        resolved.push({ fo, lines: fo.lines.filter((l) => l.remainingQuantity > 0).map((line) => ({ line, quantity: line.remainingQuantity })) });
        continue;
      }
      const lines: { line: FakeFulfillmentOrder['lines'][number]; quantity: number }[] = [];
      for (const [lineIndex, item] of requested.entries()) {
        const lineId = idFromGid('FulfillmentOrderLineItem', item.id);
        const line = fo.lines.find((candidate) => candidate.id === lineId);
        const lineField = [...field, 'fulfillmentOrderLineItems', String(lineIndex)];
        if (!line) return fail([...lineField, 'id'], 'Fulfillment order line item does not exist.');
        if (item.quantity <= 0 || item.quantity > line.remainingQuantity) {
          return fail([...lineField, 'quantity'], 'Invalid fulfillment order line item quantity requested.');
        }
        lines.push({ line, quantity: item.quantity });
      }
      resolved.push({ fo, lines });
    }
    const [first] = resolved;
    if (resolved.some(({ fo }) => fo.orderId !== first!.fo.orderId)) {
      return fail(['fulfillment'], 'All fulfillment orders must belong to the same order.');
    }
    if (resolved.some(({ fo }) => fo.locationId !== first!.fo.locationId)) {
      return fail(['fulfillment'], 'All fulfillment orders must be assigned to the same location.');
    }
    if (resolved.every(({ lines }) => lines.length === 0)) {
      return fail(['fulfillment'], 'There are no fulfillment order line items to fulfill.');
    }
    const tracking = input.trackingInfo;
    if (tracking && mixesTrackingForms(tracking)) {
      return fail(['fulfillment', 'trackingInfo'], 'Tracking info may use number and url, or numbers and urls, but not both.');
    }

    for (const { fo, lines } of resolved) {
      for (const { line, quantity } of lines) line.remainingQuantity -= quantity;
      fo.status = fo.lines.every((line) => line.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
    }
    const order = this.requireOrder(first!.fo.orderId);
    const fulfillment: FakeFulfillment = {
      id: this.newId(),
      orderId: order.id,
      name: `${order.name}.${this.fulfillmentsOf(order.id).length + 1}`,
      status: 'SUCCESS',
      createdAt: this.timestamp(),
      updatedAt: this.timestamp(),
      notifyCustomer: input.notifyCustomer ?? false,
      tracking: trackingEntries(tracking),
      lines: resolved.flatMap(({ lines }) =>
        lines.map(({ line, quantity }) => ({ id: this.newId(), lineItemId: line.lineItemId, quantity })),
      ),
    };
    this.fulfillments.set(fulfillment.id, fulfillment);
    order.updatedAt = this.timestamp();
    return { ok: true, value: fulfillment };
  }

  /**
   * fulfillmentTrackingInfoUpdate: replaces the fulfillment's tracking with the input's.
   * A left-out notifyCustomer means no notifications for this or later updates.
   */
  updateFulfillmentTracking(fulfillmentGid: string, input: FulfillmentTrackingInput, notifyCustomer: boolean | null): Outcome<FakeFulfillment> {
    const id = idFromGid('Fulfillment', fulfillmentGid);
    const fulfillment = id === null ? undefined : this.fulfillments.get(id);
    if (!fulfillment) return fail(['fulfillmentId'], 'Fulfillment does not exist.');
    if (fulfillment.status === 'CANCELLED') return fail(['fulfillmentId'], 'Tracking cannot be updated on a cancelled fulfillment.');
    if (mixesTrackingForms(input)) {
      return fail(['trackingInfoInput'], 'Tracking info may use number and url, or numbers and urls, but not both.');
    }
    fulfillment.tracking = trackingEntries(input);
    fulfillment.notifyCustomer = notifyCustomer ?? false;
    fulfillment.updatedAt = this.timestamp();
    this.requireOrder(fulfillment.orderId).updatedAt = this.timestamp();
    return { ok: true, value: fulfillment };
  }

  addTags(ownerGid: string, tags: string[]): Outcome<FakeOrder> {
    const order = this.orderByGid(ownerGid);
    if (!order) return fail(['id'], 'Order does not exist');
    const wanted = splitTags(tags);
    const tooLong = wanted.find((tag) => tag.length > MAX_TAG_LENGTH);
    if (tooLong) return fail(['tags'], `Tags is invalid: '${tooLong}' is longer than ${MAX_TAG_LENGTH} characters`);
    for (const tag of wanted) {
      if (!order.tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) order.tags.push(tag);
    }
    order.updatedAt = this.timestamp();
    return { ok: true, value: order };
  }

  removeTags(ownerGid: string, tags: string[]): Outcome<FakeOrder> {
    const order = this.orderByGid(ownerGid);
    if (!order) return fail(['id'], 'Order does not exist');
    const unwanted = new Set(splitTags(tags).map((tag) => tag.toLowerCase()));
    order.tags = order.tags.filter((tag) => !unwanted.has(tag.toLowerCase()));
    order.updatedAt = this.timestamp();
    return { ok: true, value: order };
  }

  /** Atomic, as Shopify documents: any error and nothing is written. */
  setMetafields(inputs: (MetafieldsSetInput & { hasCompareDigest: boolean })[]): Outcome<FakeMetafield[]> {
    if (inputs.length > 25) return fail(['metafields'], 'Exceeded the maximum metafields input limit of 25.', 'LESS_THAN_OR_EQUAL_TO');
    const errors: UserError[] = [];
    for (const [index, input] of inputs.entries()) {
      const field = (name: string) => ['metafields', String(index), name];
      const namespace = input.namespace ?? 'app--fake';
      if (!this.orderByGid(input.ownerId)) {
        errors.push({ field: field('ownerId'), message: 'Owner does not exist.', code: 'INVALID', elementIndex: index });
        continue;
      }
      if (!/^[A-Za-z0-9_-]{2,64}$/.test(input.key)) {
        errors.push({ field: field('key'), message: 'Key is invalid.', code: 'INVALID', elementIndex: index });
      }
      if (!/^[A-Za-z0-9_-]{3,255}$/.test(namespace)) {
        errors.push({ field: field('namespace'), message: 'Namespace is invalid.', code: 'INVALID', elementIndex: index });
      }
      const existing = this.metafieldOf(input.ownerId, namespace, input.key);
      const type = input.type ?? existing?.type;
      if (!type) {
        errors.push({ field: field('type'), message: "Type can't be blank.", code: 'BLANK', elementIndex: index });
        continue;
      }
      if (!SUPPORTED_METAFIELD_TYPES.has(type)) {
        errors.push({ field: field('type'), message: 'Type is invalid.', code: 'INVALID_TYPE', elementIndex: index });
        continue;
      }
      if (type === 'json' && !isJson(input.value)) {
        errors.push({ field: field('value'), message: 'Value is invalid JSON.', code: 'INVALID_VALUE', elementIndex: index });
      }
      if (input.hasCompareDigest) {
        const current = existing ? metafieldDigest(existing.value) : null;
        if ((input.compareDigest ?? null) !== current) {
          errors.push({
            field: field('compareDigest'),
            message: 'The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.',
            code: 'STALE_OBJECT',
            elementIndex: index,
          });
        }
      }
    }
    if (errors.length > 0) return { ok: false, userErrors: errors };

    const now = this.timestamp();
    const written = inputs.map((input) => {
      const namespace = input.namespace ?? 'app--fake';
      const key = metafieldKey(input.ownerId, namespace, input.key);
      const existing = this.metafields.get(key);
      const metafield: FakeMetafield = existing
        ? { ...existing, value: input.value, type: input.type ?? existing.type, updatedAt: now }
        : { id: this.newId(), ownerId: input.ownerId, namespace, key: input.key, type: input.type!, value: input.value, createdAt: now, updatedAt: now };
      this.metafields.set(key, metafield);
      return metafield;
    });
    return { ok: true, value: written };
  }

  updateOrder(input: { id: string; note?: string | null; tags?: string[] | null; email?: string | null }): Outcome<FakeOrder> {
    const order = this.orderByGid(input.id);
    if (!order) return fail(['id'], 'Order does not exist');
    if ('note' in input) order.note = input.note ?? null;
    if ('email' in input) order.email = input.email ?? null;
    if (input.tags) order.tags = splitTags(input.tags);
    order.updatedAt = this.timestamp();
    return { ok: true, value: order };
  }

  createDraftOrder(input: DraftOrderCreateInput): Outcome<FakeDraftOrder> {
    const items = input.lineItems ?? [];
    if (items.length === 0) return fail(['lineItems'], 'Add at least 1 product');
    const lines: FakeDraftOrderLine[] = [];
    for (const [index, item] of items.entries()) {
      const field = (name: string) => ['lineItems', String(index), name];
      if (item.quantity < 1) return fail(field('quantity'), 'Quantity must be greater than or equal to 1');
      const attributes = (item.customAttributes ?? []).map(({ key, value }) => ({ key, value }));
      if (item.variantId) {
        const variantId = idFromGid('ProductVariant', item.variantId);
        const variant = variantId === null ? undefined : this.variants.get(variantId);
        if (!variant) return fail(field('variantId'), `Product with ID ${item.variantId} is no longer available.`);
        const order = [...this.orders.values()].find((candidate) => candidate.lines.includes(variant));
        lines.push({
          id: this.newId(), variantId: variant.variantId, title: variant.title, variantTitle: variant.variantTitle, sku: variant.sku,
          quantity: item.quantity, price: variant.price, currency: order?.currency ?? 'USD', requiresShipping: variant.requiresShipping,
          customAttributes: attributes,
        });
        continue;
      }
      if (!item.title) return fail(field('title'), "Title can't be blank");
      const price = item.originalUnitPriceWithCurrency;
      if (!price) return fail(field('originalUnitPriceWithCurrency'), "Price can't be blank");
      lines.push({
        id: this.newId(), variantId: null, title: item.title, variantTitle: null, sku: item.sku ?? null,
        quantity: item.quantity, price: price.amount, currency: price.currencyCode, requiresShipping: item.requiresShipping ?? true,
        customAttributes: attributes,
      });
    }
    const customerId = input.purchasingEntity?.customerId ? idFromGid('Customer', input.purchasingEntity.customerId) : null;
    const id = this.newId();
    const draft: FakeDraftOrder = {
      id,
      name: `#D${this.draftOrders.size + 1}`,
      status: 'OPEN',
      invoiceUrl: `https://${this.shopDomain}/1/invoices/${createHash('sha256').update(id).digest('hex').slice(0, 32)}`,
      email: input.email ?? null,
      note: input.note ?? null,
      tags: splitTags(input.tags ?? []),
      customerId,
      createdAt: this.timestamp(),
      lines,
    };
    this.draftOrders.set(id, draft);
    return { ok: true, value: draft };
  }

  orderByGid(value: string): FakeOrder | undefined {
    const id = idFromGid('Order', value);
    return id === null ? undefined : this.orders.get(id);
  }

  private requireOrder(orderId: string): FakeOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new RangeError(`no order ${orderId} in the fake shop`);
    return order;
  }

  private newId(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private timestamp(): string {
    return new Date(this.clock()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

function fail<T>(field: string[], message: string, code?: string): Outcome<T> {
  return { ok: false, userErrors: [{ field, message, ...(code ? { code } : {}) }] };
}

function metafieldKey(ownerId: string, namespace: string, key: string): string {
  return `${ownerId} ${namespace} ${key}`;
}

/** Shopify splits each given tag on commas as well. */
function splitTags(tags: string[]): string[] {
  return tags.flatMap((tag) => tag.split(',')).map((tag) => tag.trim()).filter((tag) => tag !== '');
}

function mixesTrackingForms(tracking: FulfillmentTrackingInput): boolean {
  return (tracking.number != null && tracking.numbers != null) || (tracking.url != null && tracking.urls != null);
}

function trackingEntries(tracking: FulfillmentTrackingInput | null | undefined): FakeFulfillment['tracking'] {
  if (!tracking) return [];
  const numbers = tracking.numbers ?? (tracking.number != null ? [tracking.number] : []);
  const urls = tracking.urls ?? (tracking.url != null ? [tracking.url] : []);
  const company = tracking.company ?? null;
  const count = Math.max(numbers.length, urls.length, company === null ? 0 : 1);
  return Array.from({ length: count }, (_, i) => ({ company, number: numbers[i] ?? null, url: urls[i] ?? null }));
}

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

/** Shopify's DateTime: to the second, UTC, "Z". */
function normalizeTime(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`not a date-time: ${value}`);
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
