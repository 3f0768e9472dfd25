import { createWooCommerceApi, createWooCommerceConnector, formatMinorUnits } from '@pressline/connectors';
import { createFakeWooCommerce, signWooCommerceWebhook, type FakeWooOrder } from '@pressline/connectors/testing';
import type { ConnectorHarness } from '../connector-harness.ts';
import { manualClock } from './manual-clock.ts';

/** The webhook Pressline registers on the site; its id is in every delivery's headers. */
const WEBHOOK_ID = 17;
/** Pressline's private production notes start with this (connectors/src/woocommerce/rest/push-status.ts). */
const STATUS_NOTE_PREFIX = 'Production: ';

/** WooCommerce: deliveries are HMAC-signed with the shop's webhook secret and re-read over REST v3. */
export async function startWooCommerceHarness(): Promise<ConnectorHarness> {
  const clock = manualClock();
  const fake = await createFakeWooCommerce({ now: clock.now });
  const connection = fake.connection();
  let nextProductId = 400;
  let nextLineId = 9_000;

  const existing = (orderId: string): FakeWooOrder => {
    const order = fake.order(Number(orderId));
    if (!order) throw new RangeError(`the fake site has no order ${orderId}`);
    return order;
  };
  const wcDate = (ms: number) => new Date(ms).toISOString().slice(0, 19);

  return {
    platform: 'woocommerce',
    connector: createWooCommerceConnector(),
    // WooCommerce hands a throttled call back to the outbox rather than waiting in-process.
    api: createWooCommerceApi({ now: () => new Date(clock.now()) }),
    connection,
    handlers: fake.handlers,
    signatureHeader: 'X-WC-Webhook-Signature',
    bodyIsSigned: true,
    readRetryBudget: 0,
    now: clock.now,
    advance: clock.advance,
    waits: () => clock.waits,

    seedPaidOrder(lines) {
      const now = wcDate(clock.now());
      const lineItems = lines.map((line) => {
        const subtotal = formatMinorUnits(line.quantity * line.unitPriceMinor, 'USD');
        return {
          id: nextLineId++,
          name: line.title,
          product_id: nextProductId++,
          variation_id: 0,
          quantity: line.quantity,
          tax_class: '',
          subtotal,
          subtotal_tax: '0.00',
          total: subtotal,
          total_tax: '0.00',
          taxes: [],
          meta_data: [],
          sku: '',
          price: line.unitPriceMinor / 100,
        };
      });
      const total = formatMinorUnits(lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0), 'USD');
      const order = fake.seedOrder({
        status: 'processing',
        currency: 'USD',
        date_created: now,
        date_created_gmt: now,
        date_modified: now,
        date_modified_gmt: now,
        date_paid: now,
        date_paid_gmt: now,
        total,
        cart_tax: '0.00',
        total_tax: '0.00',
        shipping_total: '0.00',
        shipping_tax: '0.00',
        discount_total: '0.00',
        tax_lines: [],
        shipping_lines: [],
        fee_lines: [],
        coupon_lines: [],
        line_items: lineItems,
      });
      return String(order.id);
    },
    lineIdsOf: (orderId) => existing(orderId).line_items.map((line) => String(line.id)),
    touch: (orderId) => {
      fake.editOrder(Number(orderId), {});
    },

    signedDelivery(orderId, options = {}) {
      const rawBody = fake.webhookBody(Number(orderId));
      const headers = signWooCommerceWebhook({
        rawBody,
        secret: options.secret ?? connection.webhookSecret,
        topic: 'order.updated',
        siteUrl: fake.siteUrl,
        webhookId: WEBHOOK_ID,
        now: new Date(clock.now()),
      });
      return { request: new Request('https://pressline.test/webhooks/woocommerce/contract-shop', { method: 'POST', headers, body: rawBody }), rawBody };
    },

    throttleNextRead: (times) => {
      if (times > 0) fake.throttleNext(30, { method: 'GET', times });
    },
    failNextFulfillmentAfterApplying: (orderId) =>
      // The order update that records the shipment is the commit point of a WooCommerce fulfillment.
      fake.failNext({ status: 500, afterApplying: true, method: 'PUT', route: `wc/v3/orders/${orderId}` }),
    fulfillmentsOf: (orderId) => fake.trackingItems(Number(orderId)).length,
    statusShownCount: (orderId, { label }) =>
      fake.notes(Number(orderId)).filter((note) => !note.customer_note && note.note === `${STATUS_NOTE_PREFIX}${label}`).length,
    async reorderedLines(reorder) {
      if (reorder.kind === 'cart') {
        throw new Error(`a cart link carries one line and no order to inspect: ${reorder.url}`);
      }
      const created = existing(String(reorder.externalId));
      return created.line_items.map((line) => ({ title: line.name, quantity: line.quantity }));
    },
  };
}
