import { readFileSync } from 'node:fs';
import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { FakeWooAuth } from './fake-woocommerce-auth.ts';
import { FakeWebhookStore } from './fake-woocommerce-webhooks.ts';
import { anonymousError, findRoute, noRoute, trackingItems, wpError, type RouteResult } from './fake-woocommerce-routes.ts';
import { FakeWooStore, type FakeWooOrder, type Json } from './fake-woocommerce-store.ts';
import type { FakeWooCommerce, FakeWooCommerceOptions, FakeWooRequest } from './fake-woocommerce.ts';
import { wooCommerceJson } from './sign-webhook.ts';

type Injected =
  | { type: 'fail'; status: number | 'network'; afterApplying: boolean; method?: string; route?: string | RegExp }
  | { type: 'throttle'; status: 429 | 503; retryAfterSeconds: number; method?: string; route?: string | RegExp };

const SAMPLE_ORDER = JSON.parse(readFileSync(new URL('../fixtures/woocommerce-order.json', import.meta.url), 'utf8')) as FakeWooOrder;

export function buildFakeWooCommerce(options: FakeWooCommerceOptions): FakeWooCommerce {
  const siteUrl = (options.siteUrl ?? 'https://shop.example.test').replace(/\/+$/, '');
  const home = new URL(`${siteUrl}/`);
  const consumerKey = options.consumerKey ?? 'ck_0123456789abcdef0123456789abcdef01234567';
  const consumerSecret = options.consumerSecret ?? 'cs_0123456789abcdef0123456789abcdef01234567';
  const webhookSecret = options.webhookSecret ?? 'pressline-webhook-secret';
  const clock = options.now ?? Date.now;
  const store = new FakeWooStore(siteUrl, clock, options.utcOffsetMinutes ?? 0);
  const auth = new FakeWooAuth({ consumerKey, consumerSecret, permissions: options.permissions ?? 'read_write' }, home, clock);
  const webhooks = new FakeWebhookStore();
  const context = { store, webhooks, shipmentTrackingInstalled: options.shipmentTracking ?? false };
  const injected: Injected[] = [];
  const requests: FakeWooRequest[] = [];
  const restPrefix = `${home.pathname}wp-json/`;
  let server: SetupServer | undefined;

  const handler: HttpHandler = http.all(`${siteUrl}/wp-json/*`, async ({ request }) => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const route = url.pathname.startsWith(restPrefix) ? url.pathname.slice(restPrefix.length).replace(/^\/+|\/+$/g, '') : '';
    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    const body = parseBody(text);
    const record = (status: number | 'network', outcome: FakeWooRequest['outcome']) =>
      requests.push({ method, route, query: Object.fromEntries(url.searchParams), body: body.ok ? body.value : text, status, outcome });

    const injection = takeInjection(injected, method, route);
    if (injection?.type === 'throttle') {
      record(injection.status, 'throttled');
      return new HttpResponse(injection.status === 429 ? 'Too Many Requests' : '<h1>Briefly unavailable for scheduled maintenance.</h1>', {
        status: injection.status,
        headers: { 'Retry-After': String(injection.retryAfterSeconds), 'Content-Type': 'text/html; charset=UTF-8' },
      });
    }
    if (injection?.type === 'fail' && !injection.afterApplying) {
      record(injection.status, 'failed');
      return failure(injection.status);
    }

    const result = handle(method, route, url, request, body);
    if (injection?.type === 'fail') {
      record(injection.status, 'failed');
      return failure(injection.status);
    }
    record(result.status, result.status === 401 ? 'unauthorized' : result.status >= 400 ? 'error' : 'ok');
    return HttpResponse.json(result.body as JsonBodyType, { status: result.status, headers: result.headers ?? {} });
  });

  function handle(method: string, route: string, url: URL, request: Request, body: ReturnType<typeof parseBody>): RouteResult {
    // WP_REST_Server::serve_request: authentication errors first, then routing, then
    // the route's permission check.
    const authenticated = auth.authenticate(request, url);
    if (!authenticated.ok && !authenticated.anonymous) return wpError(401, authenticated.code, authenticated.message);
    const target = findRoute(context, method, route);
    if (!target) return noRoute();
    if (!authenticated.ok) return anonymousError(method, route);
    const permitted = auth.permits(authenticated.user, method);
    if (!permitted.ok) return wpError(401, 'woocommerce_rest_authentication_error', permitted.message);
    if (!body.ok) return wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
    return target({ query: url.searchParams, body: body.value });
  }

  const times = (count: number | undefined, entry: Injected) => {
    for (let i = 0; i < (count ?? 1); i += 1) injected.push(entry);
  };

  const existing = (orderId: number): FakeWooOrder => {
    const order = store.orders.get(orderId);
    if (!order) throw new RangeError(`fake WooCommerce: no order ${orderId}`);
    return order;
  };

  return {
    siteUrl,
    consumerKey,
    consumerSecret,
    webhookSecret,
    handlers: [handler],
    requests,
    connection: () => ({ platform: 'woocommerce', siteUrl, consumerKey, consumerSecret, webhookSecret }),
    listen() {
      server ??= setupServer(handler);
      server.listen({ onUnhandledFrame: 'error' });
    },
    close() {
      server?.close();
      server = undefined;
    },
    seedOrder(overrides = {}) {
      const order = { ...structuredClone(SAMPLE_ORDER), ...structuredClone(overrides) } as FakeWooOrder;
      if (overrides.id === undefined && store.orders.has(order.id)) order.id = store.nextOrderId();
      if (overrides.number === undefined) order.number = String(order.id);
      return store.view(store.seed(order));
    },
    editOrder(orderId, change) {
      const order = existing(orderId);
      if (change.status !== undefined) order.status = change.status;
      if (change.customerNote !== undefined) order.customer_note = change.customerNote;
      for (const [key, value] of Object.entries(change.meta ?? {})) order.meta_data = store.updateMeta(order.meta_data, key, value);
      store.touch(order);
      return store.view(order);
    },
    order: (orderId) => {
      const order = store.orders.get(orderId);
      return order ? store.view(order) : undefined;
    },
    webhookBody: (orderId) => wooCommerceJson(store.view(existing(orderId))),
    notes: (orderId) => store.notesOf(orderId),
    meta: (orderId, key) => existing(orderId).meta_data.find((meta) => meta.key === key)?.value,
    trackingItems: (orderId) => trackingItems(existing(orderId)),
    webhooks: () => [...webhooks.hooks.values()].map((hook) => ({ ...hook })),
    disableWebhooks: () => webhooks.disableAll(),
    setShipmentTracking(installed) {
      context.shipmentTrackingInstalled = installed;
    },
    failNext: ({ status, afterApplying = false, method, route, times: count }) =>
      times(count, { type: 'fail', status, afterApplying, ...(method ? { method: method.toUpperCase() } : {}), ...(route ? { route } : {}) }),
    throttleNext: (retryAfterSeconds, { status = 429, method, route, times: count } = {}) =>
      times(count, { type: 'throttle', status, retryAfterSeconds, ...(method ? { method: method.toUpperCase() } : {}), ...(route ? { route } : {}) }),
  };
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false };
    throw error;
  }
}

function takeInjection(queue: Injected[], method: string, route: string): Injected | undefined {
  const index = queue.findIndex(
    (entry) =>
      (entry.method === undefined || entry.method === method) &&
      (entry.route === undefined || (typeof entry.route === 'string' ? route.startsWith(entry.route) : entry.route.test(route))),
  );
  return index === -1 ? undefined : queue.splice(index, 1)[0];
}

function failure(status: number | 'network'): Response {
  if (status === 'network') return HttpResponse.error();
  // WordPress's fatal-error handler answers REST requests in JSON; a proxy in front
  // (502, 504) answers in HTML.
  if (status === 500) {
    return HttpResponse.json(
      { code: 'internal_server_error', message: '<p>There has been a critical error on this website.</p>', data: { status: 500 } },
      { status },
    );
  }
  if (status > 500) return new HttpResponse(`<html><body><h1>${status}</h1></body></html>`, { status, headers: { 'Content-Type': 'text/html' } });
  return HttpResponse.json({ code: 'fake_failure', message: `Injected HTTP ${status}.`, data: { status } }, { status });
}
