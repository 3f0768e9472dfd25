import { createHash, randomBytes } from 'node:crypto';
import type { FakeWebhookStore } from './fake-woocommerce-webhooks.ts';
import {
  multiplyPrice,
  ORDER_STATUSES,
  sumPrices,
  wcDate,
  type FakeLineItem,
  type FakeWooOrder,
  type FakeWooStore,
  type Json,
} from './fake-woocommerce-store.ts';

// The REST routes of the fake site, written from WooCommerce's REST v3 controllers
// (orders, order notes) and the Shipment Tracking extension's v3 API. Each returns the
// status, body and headers WordPress would send.

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  query: URLSearchParams;
  body: unknown;
}

export interface RouteContext {
  store: FakeWooStore;
  webhooks: FakeWebhookStore;
  shipmentTrackingInstalled: boolean;
}

const EDITABLE = new Set(['POST', 'PUT', 'PATCH']);
const ORDERBY = ['date', 'id', 'include', 'title', 'slug', 'modified'];
const TRACKING_META = '_wc_shipment_tracking_items';

export function wpError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): RouteResult {
  return { status, body: { code, message, data: { status, ...extra } } };
}

export const noRoute = (): RouteResult => wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');

/** The handler WordPress would dispatch to, or null for rest_no_route. */
export function findRoute(context: RouteContext, method: string, path: string): ((request: RouteRequest) => RouteResult) | null {
  let match: RegExpExecArray | null;
  if (path === 'wc/v3/orders') {
    if (method === 'GET') return (request) => listOrders(context, request.query);
    if (method === 'POST') return (request) => createOrder(context, request.body);
  }
  if ((match = /^wc\/v3\/orders\/(\d+)$/.exec(path))) {
    const id = Number(match[1]);
    if (method === 'GET') return () => getOrder(context, id);
    if (EDITABLE.has(method)) return (request) => updateOrder(context, id, request.body);
  }
  if ((match = /^wc\/v3\/orders\/(\d+)\/notes$/.exec(path))) {
    const id = Number(match[1]);
    if (method === 'GET') return (request) => listNotes(context, id, request.query);
    if (method === 'POST') return (request) => createNote(context, id, request.body);
  }
  if (path === 'wc/v3/webhooks') {
    if (method === 'GET') return () => context.webhooks.list();
    if (method === 'POST') return (request) => context.webhooks.create(request.body);
  }
  if ((match = /^wc\/v3\/webhooks\/(\d+)$/.exec(path)) && EDITABLE.has(method)) {
    const id = Number(match[1]);
    return (request) => context.webhooks.update(id, request.body);
  }
  if (context.shipmentTrackingInstalled && (match = /^wc-shipment-tracking\/v3\/orders\/(\d+)\/shipment-trackings$/.exec(path))) {
    const id = Number(match[1]);
    if (method === 'GET') return () => listTrackings(context, id);
    if (method === 'POST') return (request) => createTracking(context, id, request.body);
  }
  return null;
}

/** What WooCommerce's permission checks answer a caller no key authenticated. */
export function anonymousError(method: string, path: string): RouteResult {
  if (method === 'GET') return wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
  if (method === 'POST' && /\/orders$/.test(path)) return wpError(401, 'woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.');
  return wpError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
}

// GET wc/v3/orders (WC_REST_CRUD_Controller::get_items + prepare_objects_query)
function listOrders({ store }: RouteContext, query: URLSearchParams): RouteResult {
  const invalid: Record<string, string> = {};
  const page = intParam(query, 'page', 1);
  if (page === null || page < 1) invalid['page'] = 'page must be greater than or equal to 1';
  const perPage = intParam(query, 'per_page', 10);
  if (perPage === null || perPage < 1 || perPage > 100) invalid['per_page'] = 'per_page must be between 1 (inclusive) and 100 (inclusive)';
  const orderby = query.get('orderby') ?? 'date';
  if (!ORDERBY.includes(orderby)) invalid['orderby'] = `orderby is not one of ${ORDERBY.join(', ')}.`;
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') invalid['order'] = 'order is not one of asc and desc.';
  const gmt = ['true', '1'].includes(query.get('dates_are_gmt') ?? 'false');
  const bounds: { name: string; field: 'date_created' | 'date_modified'; after: boolean; wall: string }[] = [];
  for (const [name, field, after] of [
    ['after', 'date_created', true],
    ['before', 'date_created', false],
    ['modified_after', 'date_modified', true],
    ['modified_before', 'date_modified', false],
  ] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const wall = dateQueryWallTime(store, value);
    if (wall === null) invalid[name] = 'Invalid date.';
    else bounds.push({ name, field, after, wall });
  }
  const statuses = query.getAll('status').flatMap((s) => s.split(',')).filter(Boolean);
  if (Object.keys(invalid).length > 0) {
    return wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(invalid).join(', ')}`, { params: invalid });
  }

  const wanted = statuses.length === 0 || statuses.includes('any') ? null : new Set(statuses);
  const matching = [...store.orders.values()]
    // status=any leaves trashed orders out, as WP_Query's "any" does.
    .filter((o) => (wanted === null ? o.status !== 'trash' : wanted.has(o.status)))
    .filter((o) =>
      bounds.every(({ field, after, wall }) => {
        // WP_Date_Query compares "Y-m-d H:i:s" strings, exclusive at both ends.
        const column = (gmt ? o[`${field}_gmt`] : o[field]) as string;
        const value = column.replace('T', ' ');
        return after ? value > wall : value < wall;
      }),
    )
    .sort((a, b) => compareOrders(a, b, orderby) * (order === 'asc' ? 1 : -1));

  const total = matching.length;
  const totalPages = Math.ceil(total / perPage!);
  const slice = matching.slice((page! - 1) * perPage!, page! * perPage!);
  const headers: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages) };
  const links: string[] = [];
  const base = new URL(`${store.siteUrl}/wp-json/wc/v3/orders`);
  for (const [key, value] of query) if (!key.startsWith('oauth_') && !key.startsWith('consumer_')) base.searchParams.set(key, value);
  if (page! > 1) links.push(`<${withPage(base, Math.min(page! - 1, Math.max(totalPages, 1)))}>; rel="prev"`);
  if (totalPages > page!) links.push(`<${withPage(base, page! + 1)}>; rel="next"`);
  if (links.length > 0) headers['Link'] = links.join(', ');
  return { status: 200, body: slice.map((o) => store.view(o)), headers };
}

function compareOrders(a: FakeWooOrder, b: FakeWooOrder, orderby: string): number {
  // "date" and "modified" get "ID" added as a tie-breaker (prepare_objects_query).
  const byId = a.id - b.id;
  if (orderby === 'modified') return a.date_modified_gmt.localeCompare(b.date_modified_gmt) || byId;
  if (orderby === 'date') return a.date_created_gmt.localeCompare(b.date_created_gmt) || byId;
  return byId;
}

function withPage(base: URL, page: number): string {
  const url = new URL(base);
  url.searchParams.set('page', String(page));
  return url.toString();
}

/**
 * WP_Date_Query::build_mysql_datetime for a date-time string: a value without a zone is
 * taken as it is; a zoned one is converted to the site's timezone first.
 */
function dateQueryWallTime(store: FakeWooStore, value: string): string | null {
  const zoneless = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.\d+)?$/.exec(value);
  if (zoneless) return `${zoneless[1]} ${zoneless[2]}`;
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : store.localWallTime(ms).replace('T', ' ');
}

function getOrder({ store }: RouteContext, id: number): RouteResult {
  const order = store.orders.get(id);
  if (!order) return invalidOrderId();
  return { status: 200, body: store.view(order) };
}

const invalidOrderId = () => wpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');

// PUT wc/v3/orders/<id>: the writable fields Pressline uses, applied as
// prepare_object_for_database + save_object apply them.
function updateOrder({ store }: RouteContext, id: number, body: unknown): RouteResult {
  const order = store.orders.get(id);
  if (!order) return invalidOrderId();
  if (!isObject(body)) return wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  if (body['status'] !== undefined && (typeof body['status'] !== 'string' || !ORDER_STATUSES.includes(body['status']))) {
    return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): status', { params: { status: `status is not one of ${ORDER_STATUSES.join(', ')}.` } });
  }
  const meta = metaInput(body['meta_data']);
  if (meta === null) return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): meta_data', { params: { meta_data: 'meta_data[0][key] is a required property of meta_data[0].' } });

  for (const entry of meta) order.meta_data = store.updateMeta(order.meta_data, entry.key, entry.value, entry.id);
  if (typeof body['customer_note'] === 'string') order.customer_note = body['customer_note'];
  for (const address of ['billing', 'shipping'] as const) {
    const input = body[address];
    if (isObject(input)) order[address] = { ...(isObject(order[address]) ? order[address] : {}), ...(input as Record<string, Json>) };
  }
  if (typeof body['status'] === 'string') setStatus(store, order, body['status']);
  store.touch(order);
  return { status: 200, body: store.view(order) };
}

function setStatus(store: FakeWooStore, order: FakeWooOrder, status: string): void {
  const { local, gmt } = store.now();
  order.status = status;
  // WC_Order::maybe_set_date_paid / maybe_set_date_completed.
  if ((status === 'processing' || status === 'completed') && order.date_paid === null) {
    order.date_paid = local;
    order.date_paid_gmt = gmt;
  }
  if (status === 'completed') {
    order.date_completed = local;
    order.date_completed_gmt = gmt;
  }
}

// POST wc/v3/orders: lines priced from the product at today's price (prepare_line_items),
// totals calculated, created_via "rest-api".
function createOrder({ store }: RouteContext, body: unknown): RouteResult {
  if (!isObject(body)) return wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  const status = body['status'] ?? 'pending';
  if (typeof status !== 'string' || !ORDER_STATUSES.includes(status)) return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): status');
  const customerId = typeof body['customer_id'] === 'number' ? body['customer_id'] : 0;
  if (customerId !== 0 && !store.customers.has(customerId)) return wpError(400, 'woocommerce_rest_invalid_customer_id', 'Customer ID is invalid.');
  const currency = typeof body['currency'] === 'string' ? body['currency'] : 'USD';

  const id = store.nextOrderId();
  const lines: FakeLineItem[] = [];
  for (const input of Array.isArray(body['line_items']) ? body['line_items'] : []) {
    if (!isObject(input)) return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): line_items');
    const productId = typeof input['product_id'] === 'number' ? input['product_id'] : 0;
    const variationId = typeof input['variation_id'] === 'number' ? input['variation_id'] : 0;
    const product = store.products.get(variationId || productId);
    if (!product || (productId > 0 && !store.products.has(productId))) {
      return wpError(400, 'woocommerce_rest_invalid_product_id', 'Product ID provided is invalid.');
    }
    const quantity = typeof input['quantity'] === 'number' ? input['quantity'] : 1;
    const lineTotal = multiplyPrice(product.price, quantity, currency);
    const meta = metaInput(input['meta_data']) ?? [];
    lines.push({
      id: store.newItemId(),
      name: product.name,
      product_id: productId,
      variation_id: variationId,
      quantity,
      tax_class: '',
      subtotal: lineTotal,
      subtotal_tax: '0.00',
      total: lineTotal,
      total_tax: '0.00',
      taxes: [],
      meta_data: meta.map((entry) => store.newMeta(entry.key, entry.value)),
      sku: '',
      price: Number(product.price),
    });
  }
  const shippingLines = (Array.isArray(body['shipping_lines']) ? body['shipping_lines'] : []).filter(isObject).map((line) => ({
    id: store.newItemId(),
    method_title: String(line['method_title'] ?? ''),
    method_id: String(line['method_id'] ?? ''),
    total: String(line['total'] ?? '0.00'),
    total_tax: '0.00',
    taxes: [],
    meta_data: [],
  }));
  const { local, gmt } = store.now();
  const order: FakeWooOrder = {
    id,
    parent_id: 0,
    number: String(id),
    order_key: store.newOrderKey(),
    created_via: 'rest-api',
    version: '10.4.0',
    status,
    currency,
    date_created: local,
    date_created_gmt: gmt,
    date_modified: local,
    date_modified_gmt: gmt,
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: sumPrices(shippingLines.map((l) => l.total), currency),
    shipping_tax: '0.00',
    cart_tax: '0.00',
    total: sumPrices([...lines.map((l) => l.total), ...shippingLines.map((l) => l.total)], currency),
    total_tax: '0.00',
    prices_include_tax: false,
    customer_id: customerId,
    customer_ip_address: '',
    customer_user_agent: '',
    customer_note: typeof body['customer_note'] === 'string' ? body['customer_note'] : '',
    billing: isObject(body['billing']) ? (body['billing'] as Record<string, Json>) : {},
    shipping: isObject(body['shipping']) ? (body['shipping'] as Record<string, Json>) : {},
    payment_method: '',
    payment_method_title: '',
    transaction_id: '',
    date_paid: null,
    date_paid_gmt: null,
    date_completed: null,
    date_completed_gmt: null,
    cart_hash: '',
    meta_data: (metaInput(body['meta_data']) ?? []).map((entry) => store.newMeta(entry.key, entry.value)),
    line_items: lines,
    tax_lines: [],
    shipping_lines: shippingLines,
    fee_lines: [],
    coupon_lines: [],
    refunds: [],
  };
  if (body['set_paid'] === true) setStatus(store, order, 'processing');
  store.seed(order);
  return { status: 201, body: store.view(order), headers: { Location: `${store.siteUrl}/wp-json/wc/v3/orders/${id}` } };
}

// wc/v3/orders/<id>/notes (WC_REST_Order_Notes_Controller)
function listNotes({ store }: RouteContext, id: number, query: URLSearchParams): RouteResult {
  if (!store.orders.has(id)) return wpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  const type = query.get('type') ?? 'any';
  if (!['any', 'customer', 'internal'].includes(type)) return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): type');
  const notes = store.notesOf(id).filter((note) => type === 'any' || note.customer_note === (type === 'customer'));
  return { status: 200, body: notes.map(noteView) };
}

function createNote({ store }: RouteContext, id: number, body: unknown): RouteResult {
  if (!store.orders.has(id)) return wpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  if (!isObject(body) || typeof body['note'] !== 'string') return wpError(400, 'rest_missing_callback_param', 'Missing parameter(s): note', { params: ['note'] });
  if (body['note'].trim() === '') return wpError(500, 'woocommerce_api_cannot_create_order_note', 'Cannot create order note, please try again.');
  const note = store.addNote(id, body['note'], body['customer_note'] === true);
  return { status: 201, body: noteView(note), headers: { Location: `${store.siteUrl}/wp-json/wc/v3/orders/${id}/notes/${note.id}` } };
}

function noteView(note: ReturnType<FakeWooStore['notesOf']>[number]) {
  const { orderId: _orderId, ...view } = note;
  return view;
}

// wc-shipment-tracking/v3/orders/<id>/shipment-trackings: items live in the order meta
// `_wc_shipment_tracking_items`, date_shipped as a unix timestamp.
function listTrackings({ store }: RouteContext, id: number): RouteResult {
  const order = store.orders.get(id);
  if (!order) return wpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  return { status: 200, body: trackingItems(order).map(trackingView) };
}

function createTracking({ store }: RouteContext, id: number, body: unknown): RouteResult {
  const order = store.orders.get(id);
  if (!order) return wpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  if (!isObject(body) || typeof body['tracking_number'] !== 'string' || body['tracking_number'].trim() === '') {
    return wpError(400, 'rest_missing_callback_param', 'Missing parameter(s): tracking_number', { params: ['tracking_number'] });
  }
  const provider = typeof body['tracking_provider'] === 'string' ? body['tracking_provider'] : '';
  const customProvider = typeof body['custom_tracking_provider'] === 'string' ? body['custom_tracking_provider'] : '';
  if (provider === '' && customProvider === '') {
    return wpError(400, 'woocommerce_rest_shipment_tracking_missing_provider', 'Missing tracking_provider or custom_tracking_provider.');
  }
  const shipped = typeof body['date_shipped'] === 'string' ? Date.parse(`${body['date_shipped']}T00:00:00Z`) : store.now().ms;
  const item: Record<string, Json> = {
    tracking_provider: provider,
    custom_tracking_provider: customProvider,
    custom_tracking_link: typeof body['custom_tracking_link'] === 'string' ? body['custom_tracking_link'] : '',
    tracking_number: body['tracking_number'],
    date_shipped: String(Math.floor((Number.isNaN(shipped) ? store.now().ms : shipped) / 1000)),
    // md5(provider-number . microtime()): a new id every time.
    tracking_id: createHash('md5').update(`${customProvider || provider}-${body['tracking_number']}${randomBytes(8).toString('hex')}`).digest('hex'),
  };
  order.meta_data = store.updateMeta(order.meta_data, TRACKING_META, [...trackingItems(order), item]);
  return { status: 201, body: trackingView(item), headers: { Location: `${store.siteUrl}/wp-json/wc-shipment-tracking/v3/orders/${id}/shipment-trackings/${String(item['tracking_id'])}` } };
}

export function trackingItems(order: FakeWooOrder): Record<string, Json>[] {
  const value = order.meta_data.find((meta) => meta.key === TRACKING_META)?.value;
  return Array.isArray(value) ? value.filter(isObject) as Record<string, Json>[] : [];
}

function trackingView(item: Record<string, Json>) {
  const number = String(item['tracking_number'] ?? '');
  const custom = String(item['custom_tracking_provider'] ?? '');
  const link = String(item['custom_tracking_link'] ?? '');
  const shipped = Number(item['date_shipped']);
  return {
    tracking_id: String(item['tracking_id'] ?? ''),
    tracking_provider: custom || String(item['tracking_provider'] ?? ''),
    tracking_link: link.replace('%1$s', encodeURIComponent(number)),
    tracking_number: number,
    date_shipped: Number.isFinite(shipped) ? wcDate(shipped * 1000).slice(0, 10) : '',
  };
}

function metaInput(value: unknown): { id: number | null; key: string; value: Json }[] | null {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return null;
  const entries: { id: number | null; key: string; value: Json }[] = [];
  for (const entry of value) {
    if (!isObject(entry) || typeof entry['key'] !== 'string') return null;
    entries.push({ id: typeof entry['id'] === 'number' ? entry['id'] : null, key: entry['key'], value: (entry['value'] ?? '') as Json });
  }
  return entries;
}

function intParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const value = query.get(name);
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
