import { GraphQLError } from 'graphql';
import { formatMinorUnits } from '../../money.ts';
import {
  fakeAddressName,
  gid,
  idFromGid,
  metafieldDigest,
  type DraftOrderCreateInput,
  type FakeAdminStore,
  type FakeAddress,
  type FakeDraftOrder,
  type FakeFulfillment,
  type FakeFulfillmentOrder,
  type FakeLineItem,
  type FakeMetafield,
  type FakeOrder,
  type FulfillmentCreateInput,
  type FulfillmentTrackingInput,
  type MetafieldsSetInput,
  type Outcome,
  type UserError,
} from './fake-admin-store.ts';

// Turns the store into the Admin API's objects. Fields that take arguments are
// functions, which graphql-js calls with those arguments.

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

const MAX_PAGE_SIZE = 250;

export function adminRootValue(store: FakeAdminStore): Record<string, unknown> {
  return {
    // QueryRoot
    order: ({ id }: { id: string }) => {
      const order = store.orderByGid(id);
      return order ? orderView(store, order) : null;
    },
    orders: (args: PageArgs & { sortKey?: string | null; query?: string | null }) => ordersConnection(store, args),
    draftOrder: ({ id }: { id: string }) => {
      const draftId = idFromGid('DraftOrder', id);
      const draft = draftId === null ? undefined : store.draftOrders.get(draftId);
      return draft ? draftOrderView(draft) : null;
    },
    fulfillment: ({ id }: { id: string }) => {
      const fulfillmentId = idFromGid('Fulfillment', id);
      const fulfillment = fulfillmentId === null ? undefined : store.fulfillments.get(fulfillmentId);
      return fulfillment ? fulfillmentView(store, fulfillment) : null;
    },
    node: ({ id }: { id: string }) => {
      const order = store.orderByGid(id);
      return order ? orderView(store, order) : null;
    },

    // Mutation
    fulfillmentCreate: ({ fulfillment }: { fulfillment: FulfillmentCreateInput }) =>
      payload(store.createFulfillment(fulfillment), (value) => ({ fulfillment: fulfillmentView(store, value) }), { fulfillment: null }),
    fulfillmentTrackingInfoUpdate: (args: { fulfillmentId: string; trackingInfoInput: FulfillmentTrackingInput; notifyCustomer?: boolean | null }) =>
      payload(
        store.updateFulfillmentTracking(args.fulfillmentId, args.trackingInfoInput, args.notifyCustomer ?? null),
        (value) => ({ fulfillment: fulfillmentView(store, value) }),
        { fulfillment: null },
      ),
    tagsAdd: ({ id, tags }: { id: string; tags: string[] }) =>
      payload(store.addTags(id, tags), (order) => ({ node: orderView(store, order) }), { node: null }),
    tagsRemove: ({ id, tags }: { id: string; tags: string[] }) =>
      payload(store.removeTags(id, tags), (order) => ({ node: orderView(store, order) }), { node: null }),
    metafieldsSet: ({ metafields }: { metafields: MetafieldsSetInput[] }) =>
      payload(
        store.setMetafields(metafields.map((input) => ({ ...input, hasCompareDigest: 'compareDigest' in input }))),
        (written) => ({ metafields: written.map(metafieldView) }),
        { metafields: null },
      ),
    orderUpdate: ({ input }: { input: { id: string; note?: string | null; tags?: string[] | null; email?: string | null } }) =>
      payload(store.updateOrder(input), (order) => ({ order: orderView(store, order) }), { order: null }),
    draftOrderCreate: ({ input }: { input: DraftOrderCreateInput }) =>
      payload(store.createDraftOrder(input), (draft) => ({ draftOrder: draftOrderView(draft) }), { draftOrder: null }),
  };
}

function payload<T>(outcome: Outcome<T>, onSuccess: (value: T) => object, onFailure: object): object {
  if (outcome.ok) return { ...onSuccess(outcome.value), userErrors: [] };
  return { ...onFailure, userErrors: outcome.userErrors.map(userErrorView) };
}

function userErrorView(error: UserError) {
  return { field: error.field, message: error.message, code: error.code ?? null, elementIndex: error.elementIndex ?? null };
}

function orderView(store: FakeAdminStore, order: FakeOrder) {
  return {
    __typename: 'Order',
    id: gid('Order', order.id),
    legacyResourceId: order.id,
    name: order.name,
    email: order.email,
    note: order.note,
    tags: [...order.tags],
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    currencyCode: order.currency,
    displayFinancialStatus: order.financialStatus,
    totalPriceSet: moneyBag(order.totalPrice, order.currency),
    customer: order.customer && {
      __typename: 'Customer',
      id: gid('Customer', order.customer.id),
      legacyResourceId: order.customer.id,
      firstName: order.customer.firstName,
      lastName: order.customer.lastName,
      displayName: [order.customer.firstName, order.customer.lastName].filter(Boolean).join(' ') || (order.customer.email ?? ''),
      defaultEmailAddress: order.customer.email === null ? null : { emailAddress: order.customer.email },
    },
    shippingAddress: order.shippingAddress && mailingAddressView(order.id, order.shippingAddress),
    shippingLine: order.shippingMethod === null ? null : shippingLineView(order, order.shippingMethod),
    lineItems: (args: PageArgs) => connection(order.lines.map((line) => lineItemView(line, order.currency)), args),
    fulfillments: ({ first }: { first?: number | null }) =>
      store.fulfillmentsOf(order.id).slice(0, first ?? undefined).map((fulfillment) => fulfillmentView(store, fulfillment)),
    fulfillmentOrders: (args: PageArgs) =>
      connection(store.fulfillmentOrdersOf(order.id).map((fo) => fulfillmentOrderView(store, order, fo)), args),
    metafield: ({ namespace, key }: { namespace?: string | null; key: string }) => {
      const metafield = store.metafieldOf(gid('Order', order.id), namespace ?? 'app--fake', key);
      return metafield ? metafieldView(metafield) : null;
    },
  };
}

function mailingAddressView(orderId: string, address: FakeAddress) {
  return {
    __typename: 'MailingAddress',
    // Shopify's are opaque and not the order's; one address per order makes this unique.
    id: `${gid('MailingAddress', orderId)}?model_name=Address`,
    name: fakeAddressName(address),
    firstName: address.firstName,
    lastName: address.lastName,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    country: address.country,
    countryCodeV2: address.countryCode,
    phone: address.phone,
    formattedArea: [address.city, address.province, address.country].filter(Boolean).join(', ') || null,
  };
}

function shippingLineView(order: FakeOrder, title: string) {
  return {
    __typename: 'ShippingLine',
    id: gid('ShippingLine', (BigInt(order.id) + 1n).toString()),
    title,
    code: title,
    source: 'shopify',
    carrierIdentifier: null,
    custom: false,
    // Shipping is free in the fake, as in the storefront simulator.
    originalPriceSet: moneyBag(formatMinorUnits(0, order.currency), order.currency),
  };
}

function lineItemView(line: FakeLineItem, currency: string) {
  return {
    __typename: 'LineItem',
    id: gid('LineItem', line.id),
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: line.quantity,
    unfulfilledQuantity: line.quantity,
    requiresShipping: line.requiresShipping,
    originalUnitPriceSet: moneyBag(line.price, currency),
    customAttributes: line.properties.map(({ name, value }) => ({ key: name, value })),
    variant: variantNode(line),
    product: line.productId && { __typename: 'Product', id: gid('Product', line.productId), legacyResourceId: line.productId, title: line.title },
  };
}

function fulfillmentView(store: FakeAdminStore, fulfillment: FakeFulfillment) {
  const order = store.orders.get(fulfillment.orderId)!;
  return {
    __typename: 'Fulfillment',
    id: gid('Fulfillment', fulfillment.id),
    legacyResourceId: fulfillment.id,
    name: fulfillment.name,
    status: fulfillment.status,
    createdAt: fulfillment.createdAt,
    updatedAt: fulfillment.updatedAt,
    order: () => orderView(store, order),
    totalQuantity: fulfillment.lines.reduce((sum, line) => sum + line.quantity, 0),
    trackingInfo: ({ first }: { first?: number | null }) => fulfillment.tracking.slice(0, first ?? undefined),
    fulfillmentLineItems: (args: PageArgs) =>
      connection(
        fulfillment.lines.map((line) => ({
          __typename: 'FulfillmentLineItem',
          id: gid('FulfillmentLineItem', line.id),
          quantity: line.quantity,
          lineItem: lineItemView(order.lines.find((candidate) => candidate.id === line.lineItemId)!, order.currency),
        })),
        args,
      ),
  };
}

function fulfillmentOrderView(store: FakeAdminStore, order: FakeOrder, fo: FakeFulfillmentOrder) {
  return {
    __typename: 'FulfillmentOrder',
    id: gid('FulfillmentOrder', fo.id),
    status: fo.status,
    lineItems: (args: PageArgs) =>
      connection(
        fo.lines.map((line) => ({
          __typename: 'FulfillmentOrderLineItem',
          id: gid('FulfillmentOrderLineItem', line.id),
          totalQuantity: line.totalQuantity,
          remainingQuantity: line.remainingQuantity,
          lineItem: lineItemView(order.lines.find((candidate) => candidate.id === line.lineItemId)!, order.currency),
        })),
        args,
      ),
  };
}

function metafieldView(metafield: FakeMetafield) {
  return {
    __typename: 'Metafield',
    id: gid('Metafield', metafield.id),
    namespace: metafield.namespace,
    key: metafield.key,
    value: metafield.value,
    type: metafield.type,
    compareDigest: metafieldDigest(metafield.value),
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
  };
}

function draftOrderView(draft: FakeDraftOrder) {
  return {
    __typename: 'DraftOrder',
    id: gid('DraftOrder', draft.id),
    legacyResourceId: draft.id,
    name: draft.name,
    status: draft.status,
    invoiceUrl: draft.invoiceUrl,
    email: draft.email,
    note2: draft.note,
    tags: [...draft.tags],
    customer: null,
    createdAt: draft.createdAt,
    lineItems: (args: PageArgs) =>
      connection(
        draft.lines.map((line) => ({
          __typename: 'DraftOrderLineItem',
          id: gid('DraftOrderLineItem', line.id),
          name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
          title: line.title,
          variantTitle: line.variantTitle,
          sku: line.sku,
          quantity: line.quantity,
          custom: line.variantId === null,
          requiresShipping: line.requiresShipping,
          variant: variantNode(line),
          customAttributes: line.customAttributes,
          originalUnitPriceSet: moneyBag(line.price, line.currency),
        })),
        args,
      ),
  };
}

function moneyBag(amount: string, currencyCode: string) {
  const money = { amount, currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

// ---- connections -----------------------------------------------------------

function pageSize(args: PageArgs): number {
  const size = args.first ?? args.last;
  if (size === null || size === undefined) throw new GraphQLError('you must provide one of first or last');
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The ${args.first != null ? 'first' : 'last'} argument must be between 0 and ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

/** Index-based cursors: enough for lists that don't change between pages. */
function connection<T>(items: T[], args: PageArgs) {
  const size = pageSize(args);
  const ordered = args.reverse ? [...items].reverse() : items;
  const start = args.after ? decodeIndexCursor(args.after) + 1 : 0;
  const slice = ordered.slice(start, start + size);
  return connectionOf(slice, (i) => encodeCursor({ i: start + i }), start + size < ordered.length, start > 0);
}

function connectionOf<T>(nodes: T[], cursorAt: (index: number) => string, hasNextPage: boolean, hasPreviousPage: boolean) {
  const edges = nodes.map((node, index) => ({ cursor: cursorAt(index), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

type SortValue = string;

const ORDER_SORT: Record<string, (order: FakeOrder) => SortValue> = {
  UPDATED_AT: (order) => order.updatedAt,
  CREATED_AT: (order) => order.createdAt,
  PROCESSED_AT: (order) => order.createdAt,
  ID: () => '',
};

/**
 * Orders with Shopify's search filter and sort. The cursor carries the last node's sort
 * value and id, as Shopify's opaque cursors do, so an order changed while a client
 * pages through moves to the end and is seen again rather than skipped.
 */
function ordersConnection(store: FakeAdminStore, args: PageArgs & { sortKey?: string | null; query?: string | null }) {
  const size = pageSize(args);
  const sortKey = args.sortKey ?? 'PROCESSED_AT';
  const sortValue = ORDER_SORT[sortKey];
  if (!sortValue) throw new GraphQLError(`The fake Admin API does not sort orders by ${sortKey}.`);
  const filter = parseOrderSearch(args.query ?? '');
  const compare = (a: FakeOrder, b: FakeOrder) => compareKeys([sortValue(a), BigInt(a.id)], [sortValue(b), BigInt(b.id)]);
  let ordered = [...store.orders.values()].filter(filter).sort(compare);
  if (args.reverse) ordered = ordered.reverse();
  if (args.after) {
    const cursor = decodeCursor(args.after);
    if (typeof cursor.v !== 'string' || typeof cursor.id !== 'string') throw new GraphQLError('Invalid cursor for current pagination sort.');
    const position: [SortValue, bigint] = [cursor.v, BigInt(cursor.id)];
    ordered = ordered.filter((order) => {
      const c = compareKeys([sortValue(order), BigInt(order.id)], position);
      return args.reverse ? c < 0 : c > 0;
    });
  }
  const page = ordered.slice(0, size);
  return connectionOf(
    page.map((order) => orderView(store, order)),
    (index) => encodeCursor({ v: sortValue(page[index]!), id: page[index]!.id }),
    ordered.length > size,
    Boolean(args.after),
  );
}

function compareKeys(a: [SortValue, bigint], b: [SortValue, bigint]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1;
}

const SEARCH_TERM = /(updated_at|created_at):(>=|<=|>|<)?('[^']*'|"[^"]*"|\S+)/g;

/** The part of Shopify's search syntax used on orders by date; unknown terms are ignored, as Shopify does. */
function parseOrderSearch(query: string): (order: FakeOrder) => boolean {
  const tests: ((order: FakeOrder) => boolean)[] = [];
  for (const [, field, operator = '', raw = ''] of query.matchAll(SEARCH_TERM)) {
    const bound = Date.parse(raw.replace(/^['"]|['"]$/g, ''));
    if (Number.isNaN(bound)) throw new GraphQLError(`Invalid search value for ${field}: ${raw}`);
    tests.push((order) => {
      const value = Date.parse(field === 'updated_at' ? order.updatedAt : order.createdAt);
      if (operator === '>=') return value >= bound;
      if (operator === '<=') return value <= bound;
      if (operator === '>') return value > bound;
      if (operator === '<') return value < bound;
      return value === bound;
    });
  }
  return (order) => tests.every((test) => test(order));
}

function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  throw new GraphQLError('Invalid cursor.');
}

function decodeIndexCursor(cursor: string): number {
  const { i } = decodeCursor(cursor);
  if (typeof i !== 'number') throw new GraphQLError('Invalid cursor.');
  return i;
}

/** A line's ProductVariant as the Admin API shows it, or null for a custom line. */
function variantNode(line: { variantId: string | null; variantTitle: string | null; sku: string | null }) {
  return (
    line.variantId && {
      __typename: 'ProductVariant',
      id: gid('ProductVariant', line.variantId),
      legacyResourceId: line.variantId,
      title: line.variantTitle ?? 'Default Title',
      sku: line.sku,
    }
  );
}
