import type { HttpHandler } from 'msw';
import type { OdooConnection } from '../odoo-connection.ts';
import type { FakeOdooLineSeed, FakeOdooOrderSeed, FakeOdooPartnerSeed } from './fake-odoo-store.ts';
import type { OdooWebhook } from './build-webhook.ts';

export type { FakeOdooLineSeed, FakeOdooOrderSeed, FakeOdooPartnerSeed, OdooWebhook };

/**
 * A stand-in for one Odoo database, for tests: msw answers both external APIs from one
 * in-memory database, as Odoo 17 behaves —
 * - XML-RPC: `POST <url>/xmlrpc/2/common` (`authenticate` → uid or False, `version`) and
 *   `POST <url>/xmlrpc/2/object` (`execute_kw`, faults with /xmlrpc/2's int codes:
 *   1 application error with its traceback, 2 UserError family, 3 AccessDenied, 4 AccessError);
 * - JSON-2: `POST <url>/json/2/<model>/<method>` with `Authorization: bearer <key>`, named
 *   parameters, errors as 4xx/5xx `{name, message, arguments, context, debug}`.
 * Models: sale.order, sale.order.line, res.partner (with its address), res.country(.state),
 * delivery.carrier, product.product/template, stock.picking, stock.move, mail.message. Writes bump `write_date`; validating a delivery
 * bumps its order's, as Odoo's stored computes do.
 */
export interface FakeOdoo {
  readonly url: string;
  readonly database: string;
  readonly username: string;
  readonly apiKey: string;
  /** msw handlers, for a test that runs its own msw server. */
  readonly handlers: HttpHandler[];
  /** Every request that reached the fake, in order. */
  readonly requests: readonly FakeOdooRequest[];

  /** Starts an msw server with this fake's handlers; unknown requests fail the test. */
  listen(): void;
  close(): void;

  /** A Pressline connection to this database; `version` 17/18 speak XML-RPC, 19 JSON-2. */
  connection(options?: { version?: 17 | 18 | 19; apiKey?: string; webhookSecret?: string }): OdooConnection;

  /** A sale order with its lines; `state: 'sale'` confirms it, which creates its delivery. */
  seedOrder(seed: FakeOdooOrderSeed): FakeOdooSaleOrder;
  /** `action_confirm`, as the merchant's click: state `sale`, a delivery for the goods. */
  confirmOrder(orderId: number): void;
  cancelOrder(orderId: number): void;
  /** Marks an order written (bumps `write_date`), as any merchant edit would. */
  touchOrder(orderId: number, writeDate?: string): void;

  order(orderId: number): FakeOdooSaleOrder | undefined;
  orders(): FakeOdooSaleOrder[];
  pickings(orderId: number): FakeOdooPicking[];
  messages(model: 'sale.order' | 'stock.picking', resId: number): FakeOdooMessage[];
  /** What the Pressline addon's webhook sends for the order as it is now. */
  webhook(orderId: number, secret: string): OdooWebhook;

  /**
   * The next request matching `kind` ('any', 'authenticate', a method such as
   * 'button_validate', or 'model.method') is answered with `status`. With
   * `afterApplying` the call runs first and its answer is lost, as when Odoo commits and
   * the connection drops on the way back. `status: 'network'` drops the connection.
   */
  failNext(kind: string, options: { status: number | 'network'; afterApplying?: boolean; times?: number }): void;
  /** The next requests are refused by the rate limiter in front of Odoo: 429 (or 503) with Retry-After. */
  throttleNext(options?: { kind?: string; status?: 429 | 503; retryAfterSeconds?: number | null; times?: number }): void;
}

export interface FakeOdooSaleOrder {
  id: number;
  name: string;
  state: string;
  writeDate: string;
  lineIds: number[];
  pickingIds: number[];
}

export interface FakeOdooPicking {
  id: number;
  name: string;
  state: string;
  backorderOf: number | null;
  trackingRef: string | null;
  moves: { id: number; lineId: number; demand: number; quantity: number; picked: boolean; state: string }[];
}

export interface FakeOdooMessage {
  id: number;
  body: string;
  subtype: string;
}

export interface FakeOdooRequest {
  transport: 'xmlrpc' | 'json2';
  /** "common.authenticate", "sale.order.read"… */
  call: string;
  status: number | 'network';
  outcome: 'ok' | 'error' | 'failed' | 'throttled' | 'unauthorized';
}

export interface FakeOdooOptions {
  /** Defaults to "https://pressline-test.odoo.com". */
  url?: string;
  database?: string;
  username?: string;
  /** The only key the fake accepts. */
  apiKey?: string;
  /** Milliseconds since the epoch, for write dates. Defaults to Date.now. */
  now?: () => number;
  /** Whether stock_delivery is installed (stock.picking.carrier_tracking_ref). Defaults to true. */
  stockDelivery?: boolean;
  /**
   * Whether `delivery` is installed (sale.order.carrier_id, delivery.carrier). Defaults to
   * `stockDelivery`, which depends on it.
   */
  delivery?: boolean;
}

/** Builds the fake. msw is loaded only here, so code importing this package never loads it. */
export async function createFakeOdoo(options: FakeOdooOptions = {}): Promise<FakeOdoo> {
  const { buildFakeOdoo } = await import('./fake-odoo-server.ts');
  return buildFakeOdoo(options);
}
