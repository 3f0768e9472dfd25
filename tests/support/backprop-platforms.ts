import { createOdooApi, createShopifyAdminApi, createWooCommerceApi, formatMinorUnits, type Platform, type PlatformApi, type ShopConnection } from '@pressline/connectors';
import { createFakeOdoo, createFakeShopifyAdmin, createFakeWooCommerce } from '@pressline/connectors/testing';
import { delay, getResponse, http, type HttpHandler } from 'msw';

/** The two lines every back-propagation test order holds, in this order. */
export const ORDER_LINES = [
  { title: 'Business cards', quantity: 2, unitPriceMinor: 2500 },
  { title: 'Poster', quantity: 1, unitPriceMinor: 4000 },
] as const;

export interface PlatformFulfillment {
  lines: { lineExternalId: string; quantity: number }[];
  /** Every tracking number the platform shows for the fulfillment (joined references split). */
  trackingText: string;
}

/**
 * One platform stand-in as back-propagation tests need it: a shop connection, a paid
 * two-line order, what the platform holds as fulfillments afterwards (lines and tracking),
 * and the failures of its fulfillment commit point: applied then 500, a slow answer (the
 * relay times out while the platform applies it), and throttling.
 */
export interface BackpropPlatform {
  platform: Platform;
  domain: string;
  api: PlatformApi;
  connection: ShopConnection;
  /** The stand-in's handlers behind the slow-answer switch; install these. */
  handlers: HttpHandler[];
  /** A paid order of ORDER_LINES; `email` is the customer's (Shopify only). */
  seedOrder(options?: { email?: string }): Promise<{ externalId: string; lineExternalIds: string[] }>;
  fulfillments(orderExternalId: string): PlatformFulfillment[];
  failNextFulfillmentAfterApplying(orderExternalId: string): void;
  /** The next fulfillment commit is applied, then answered only after `ms`. */
  slowNextFulfillment(ms: number): void;
  throttleNextFulfillment(orderExternalId: string, retryAfterSeconds: number): void;
}

const numeric = (id: string) => id.replace(/^.*\//, '');

/** Wraps a stand-in's handlers so that its fulfillment commit can answer late, after applying. */
function withSlowSwitch(handlers: HttpHandler[], isCommit: (request: Request, body: string) => boolean) {
  let slowMs = 0;
  const slow = http.all('*', async ({ request }) => {
    if (slowMs <= 0 || !isCommit(request, await request.clone().text())) return undefined;
    const ms = slowMs;
    slowMs = 0;
    const response = await getResponse(handlers, request);
    await delay(ms);
    return response;
  });
  return { handlers: [slow, ...handlers], slowNext: (ms: number) => (slowMs = ms) };
}

export async function startShopifyPlatform(): Promise<BackpropPlatform> {
  const domain = 'backprop-print.myshopify.com';
  const accessToken = 'shpat_backprop';
  const fake = await createFakeShopifyAdmin({ shopDomain: domain, accessToken, bucket: { maximumAvailable: 50_000, restoreRate: 5_000 } });
  // Throttling goes back to the outbox, which waits it out: the adapter does not sleep.
  const api = createShopifyAdminApi({ apiKey: 'test', apiSecretKey: 'test-secret', hostName: 'localhost', rateLimit: { maxRetries: 0 } });
  const slow = withSlowSwitch(fake.handlers, (request, body) => request.method === 'POST' && body.includes('fulfillmentCreate'));
  let next = 9_007_199_254_741_000n;
  const newId = () => (next += 7n).toString();
  return {
    platform: 'shopify',
    domain,
    api,
    connection: { platform: 'shopify', shopDomain: domain, accessToken },
    handlers: slow.handlers,
    async seedOrder(options = {}) {
      const id = newId();
      const lines = ORDER_LINES.map((line) => ({ id: newId(), title: line.title, quantity: line.quantity, price: formatMinorUnits(line.unitPriceMinor, 'USD') }));
      fake.seedOrder({ id, name: `#B${id.slice(-4)}`, currency: 'USD', financialStatus: 'paid', email: options.email ?? 'ada@example.com', lines });
      return { externalId: id, lineExternalIds: lines.map((line) => line.id) };
    },
    fulfillments: (orderId) =>
      fake
        .fulfillments(orderId)
        .filter((fulfillment) => fulfillment.status === 'SUCCESS')
        .map((fulfillment) => ({
          lines: fulfillment.lines.map((line) => ({ lineExternalId: numeric(line.lineItemId), quantity: line.quantity })),
          trackingText: fulfillment.tracking.map((entry) => entry.number ?? '').join(' '),
        })),
    failNextFulfillmentAfterApplying: () => fake.failNext('fulfillmentCreate', { status: 500, afterApplying: true }),
    slowNextFulfillment: slow.slowNext,
    throttleNextFulfillment: (_orderId, seconds) => fake.rateLimitNext({ kind: 'fulfillmentCreate', retryAfterSeconds: seconds, times: 1 }),
  };
}

export async function startWooCommercePlatform(): Promise<BackpropPlatform> {
  const fake = await createFakeWooCommerce();
  const slow = withSlowSwitch(fake.handlers, (request) => request.method === 'PUT' && /\/wp-json\/wc\/v3\/orders\/\d+/.test(request.url));
  let nextLineId = 7_000;
  let nextProductId = 500;
  return {
    platform: 'woocommerce',
    domain: new URL(fake.siteUrl).host,
    api: createWooCommerceApi(),
    connection: fake.connection(),
    handlers: slow.handlers,
    async seedOrder() {
      const now = new Date().toISOString().slice(0, 19);
      const lineItems = ORDER_LINES.map((line) => {
        const subtotal = formatMinorUnits(line.quantity * line.unitPriceMinor, 'USD');
        return { id: nextLineId++, name: line.title, product_id: nextProductId++, variation_id: 0, quantity: line.quantity, tax_class: '', subtotal, subtotal_tax: '0.00', total: subtotal, total_tax: '0.00', taxes: [], meta_data: [], sku: '', price: line.unitPriceMinor / 100 };
      });
      const total = formatMinorUnits(ORDER_LINES.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0), 'USD');
      const order = fake.seedOrder({
        status: 'processing', currency: 'USD', date_created: now, date_created_gmt: now, date_modified: now, date_modified_gmt: now, date_paid: now, date_paid_gmt: now,
        total, cart_tax: '0.00', total_tax: '0.00', shipping_total: '0.00', shipping_tax: '0.00', discount_total: '0.00', tax_lines: [], shipping_lines: [], fee_lines: [], coupon_lines: [], line_items: lineItems,
      });
      return { externalId: String(order.id), lineExternalIds: lineItems.map((line) => String(line.id)) };
    },
    fulfillments(orderId) {
      const records = (fake.meta(Number(orderId), '_pressline_fulfillments') ?? []) as { lines: { lineExternalId: string; quantity: number }[]; trackingIds: string[] }[];
      const items = fake.trackingItems(Number(orderId));
      return records.map((record) => ({
        lines: record.lines,
        trackingText: items
          .filter((item) => record.trackingIds.includes(String(item['tracking_id'])))
          .map((item) => String(item['tracking_number']))
          .join(' '),
      }));
    },
    failNextFulfillmentAfterApplying: (orderId) => fake.failNext({ status: 500, afterApplying: true, method: 'PUT', route: `wc/v3/orders/${orderId}` }),
    slowNextFulfillment: slow.slowNext,
    throttleNextFulfillment: (orderId, seconds) => fake.throttleNext(seconds, { method: 'PUT', route: `wc/v3/orders/${orderId}`, times: 1 }),
  };
}

export async function startOdooPlatform(version: 17 | 19): Promise<BackpropPlatform> {
  const fake = await createFakeOdoo();
  const connection = fake.connection({ version, webhookSecret: 'backprop-odoo-secret' });
  const slow = withSlowSwitch(fake.handlers, (request, body) => request.url.includes('button_validate') || body.includes('button_validate'));
  return {
    platform: 'odoo',
    domain: new URL(fake.url).host,
    api: createOdooApi(),
    connection,
    handlers: slow.handlers,
    async seedOrder() {
      const order = fake.seedOrder({
        state: 'sale',
        currency: 'USD',
        partner: { name: 'Ada Lovelace', email: 'ada@example.com' },
        lines: ORDER_LINES.map((line) => ({ product: line.title, description: line.title, productType: 'consu', quantity: line.quantity, priceUnit: line.unitPriceMinor / 100 })),
      });
      return { externalId: String(order.id), lineExternalIds: fake.order(order.id)!.lineIds.map(String) };
    },
    fulfillments: (orderId) =>
      fake
        .pickings(Number(orderId))
        .filter((picking) => picking.state === 'done')
        .map((picking) => ({
          lines: picking.moves.filter((move) => move.quantity > 0).map((move) => ({ lineExternalId: String(move.lineId), quantity: move.quantity })),
          trackingText: picking.trackingRef ?? '',
        })),
    failNextFulfillmentAfterApplying: () => fake.failNext('button_validate', { status: 500, afterApplying: true }),
    slowNextFulfillment: slow.slowNext,
    throttleNextFulfillment: (_orderId, seconds) => fake.throttleNext({ kind: 'button_validate', status: 429, retryAfterSeconds: seconds, times: 1 }),
  };
}
