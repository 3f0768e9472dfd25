import { createOdooApi, createOdooConnector, ODOO_WEBHOOK_SECRET_HEADER } from '@pressline/connectors';
import { createFakeOdoo, type FakeOdooSaleOrder } from '@pressline/connectors/testing';
import type { ConnectorHarness } from '../connector-harness.ts';
import { manualClock } from './manual-clock.ts';

const WEBHOOK_SECRET = 'contract-odoo-webhook-secret';
/** Pressline's status messages end with this marker (connectors/src/odoo/api/post-status.ts). */
const STATUS_MARKER = '[pressline:status:';

/**
 * Odoo: the Pressline addon's webhook names the order and carries the shop's secret in a
 * header beside an unsigned body; the order is read back over XML-RPC (17, 18) or JSON-2 (19+).
 */
export async function startOdooHarness(options: { version: 17 | 19 }): Promise<ConnectorHarness> {
  const clock = manualClock();
  const fake = await createFakeOdoo({ now: clock.now });
  const connection = fake.connection({ version: options.version, webhookSecret: WEBHOOK_SECRET });
  const api = createOdooApi({ now: clock.now });

  const existing = (orderId: string): FakeOdooSaleOrder => {
    const order = fake.order(Number(orderId));
    if (!order) throw new RangeError(`the fake Odoo has no sale order ${orderId}`);
    return order;
  };

  return {
    platform: 'odoo',
    connector: createOdooConnector(),
    // Odoo hands a throttled call back to the outbox rather than waiting in-process.
    api,
    connection,
    handlers: fake.handlers,
    signatureHeader: ODOO_WEBHOOK_SECRET_HEADER,
    bodyIsSigned: false,
    readRetryBudget: 0,
    now: clock.now,
    advance: clock.advance,
    waits: () => clock.waits,

    seedPaidOrder(lines) {
      const order = fake.seedOrder({
        state: 'sale',
        currency: 'USD',
        partner: { name: 'Ada Lovelace', email: 'ada@example.com' },
        // Each line its own product (goods, so the order gets a delivery), named as the line.
        lines: lines.map((line) => ({ product: line.title, description: line.title, productType: 'consu', quantity: line.quantity, priceUnit: line.unitPriceMinor / 100 })),
      });
      return String(order.id);
    },
    lineIdsOf: (orderId) => existing(orderId).lineIds.map(String),
    touch: (orderId) => fake.touchOrder(Number(orderId)),

    signedDelivery(orderId, options = {}) {
      const webhook = fake.webhook(Number(orderId), options.secret ?? WEBHOOK_SECRET);
      return {
        request: new Request('https://pressline.test/webhooks/odoo/contract-shop', { method: 'POST', headers: webhook.headers, body: webhook.body }),
        rawBody: webhook.body,
      };
    },

    throttleNextRead: (times) => {
      if (times > 0) fake.throttleNext({ status: 429, retryAfterSeconds: 30, times });
    },
    // Validating the delivery is the commit point of an Odoo fulfillment.
    failNextFulfillmentAfterApplying: () => fake.failNext('button_validate', { status: 500, afterApplying: true }),
    fulfillmentsOf: (orderId) => fake.pickings(Number(orderId)).filter((picking) => picking.state === 'done').length,
    statusShownCount: (orderId, { label }) =>
      fake.messages('sale.order', Number(orderId)).filter((message) => message.body.includes(label) && message.body.includes(STATUS_MARKER)).length,
    async reorderedLines(reorder) {
      const quotation = await api.fetchOrder(connection, String(reorder.externalId));
      if (!quotation.ok) throw new Error(`the quotation ${String(reorder.externalId)} could not be read: ${quotation.message}`);
      return quotation.value.lines.map(({ title, quantity }) => ({ title, quantity }));
    },
  };
}
