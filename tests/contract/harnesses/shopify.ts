import { createHash } from 'node:crypto';
import { buildShopifyOrderPayload, createShopifyAdminApi, createShopifyConnector, formatMinorUnits, signShopifyWebhook } from '@pressline/connectors';
import { createFakeShopifyAdmin, type FakeOrderSeed } from '@pressline/connectors/testing';
import type { ConnectorHarness } from '../connector-harness.ts';
import { manualClock } from './manual-clock.ts';

const APP = { apiKey: 'contract-api-key', apiSecretKey: 'contract-app-secret', hostName: 'pressline.test' };
const MAX_RETRIES = 3;
const STATUS_TAG_PREFIX = 'pressline:';

/** Shopify: orders webhooks carry the whole order, signed with the app's secret; the Admin API is GraphQL. */
export async function startShopifyHarness(): Promise<ConnectorHarness> {
  const clock = manualClock();
  const fake = await createFakeShopifyAdmin({ now: clock.now });
  const api = createShopifyAdminApi({ ...APP, rateLimit: { maxRetries: MAX_RETRIES, now: clock.now, sleep: clock.sleep } });
  const seeds = new Map<string, FakeOrderSeed>();
  // Ids past 2^53, as Shopify's are: a connector that turns them into numbers loses them.
  let nextId = 9_007_199_254_740_993n;
  const newId = () => (nextId += 1_000n).toString();

  const existing = (orderId: string) => {
    const order = fake.order(orderId);
    if (!order) throw new RangeError(`the fake shop has no order ${orderId}`);
    return order;
  };

  return {
    platform: 'shopify',
    connector: createShopifyConnector(APP),
    api,
    connection: { platform: 'shopify', shopDomain: fake.shopDomain, accessToken: fake.accessToken },
    handlers: fake.handlers,
    signatureHeader: 'X-Shopify-Hmac-Sha256',
    bodyIsSigned: true,
    readRetryBudget: MAX_RETRIES,
    now: clock.now,
    advance: clock.advance,
    waits: () => clock.waits,

    seedPaidOrder(lines) {
      const id = newId();
      const seed: FakeOrderSeed = {
        id,
        name: `#${seeds.size + 1001}`,
        currency: 'USD',
        financialStatus: 'paid',
        createdAt: new Date(clock.now()).toISOString(),
        lines: lines.map((line) => ({ id: newId(), title: line.title, quantity: line.quantity, price: formatMinorUnits(line.unitPriceMinor, 'USD') })),
      };
      fake.seedOrder(seed);
      seeds.set(id, seed);
      return id;
    },
    lineIdsOf: (orderId) => existing(orderId).lines.map((line) => line.id),
    touch: (orderId) => fake.touchOrder(orderId),

    signedDelivery(orderId, options = {}) {
      const seed = seeds.get(orderId);
      if (!seed) throw new RangeError(`the harness did not seed order ${orderId}`);
      const { createdAt, updatedAt } = existing(orderId);
      const rawBody = buildShopifyOrderPayload({ ...seed, updatedAt });
      // Shopify re-sends one event with its webhook id; the order's next change is a new event.
      const webhookId = uuidFrom(`${orderId}@${updatedAt}`);
      const headers = signShopifyWebhook({
        rawBody,
        secret: options.secret ?? APP.apiSecretKey,
        topic: updatedAt === createdAt ? 'orders/create' : 'orders/updated',
        shopDomain: fake.shopDomain,
        webhookId,
        eventId: uuidFrom(`event:${webhookId}`),
        triggeredAt: updatedAt,
      });
      return { request: new Request('https://pressline.test/webhooks/shopify', { method: 'POST', headers, body: rawBody }), rawBody };
    },

    throttleNextRead: (times) => fake.throttleNext({ kind: 'query', times }),
    failNextFulfillmentAfterApplying: () => fake.failNext('fulfillmentCreate', { status: 500, afterApplying: true }),
    fulfillmentsOf: (orderId) => fake.fulfillments(orderId).length,
    statusShownCount: (orderId, { status }) => existing(orderId).tags.filter((tag) => tag === `${STATUS_TAG_PREFIX}${status}`).length,
    async reorderedLines(reorder) {
      const draft = fake.draftOrders().find((candidate) => candidate.id === reorder.externalId);
      if (!draft) throw new RangeError(`the fake shop has no draft order ${String(reorder.externalId)}`);
      return draft.lines.map(({ title, quantity }) => ({ title, quantity }));
    },
  };
}

function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
