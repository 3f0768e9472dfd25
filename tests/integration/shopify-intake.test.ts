import { buildShopifyOrderPayload, signShopifyWebhook } from '@pressline/connectors';
import { sendShopifyOrder } from '@pressline/workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';
import { rowCounts } from '../support/row-counts.ts';

const ORDER = {
  id: '820982911946154508',
  name: '#9999',
  email: 'jon@example.com',
  lines: [
    { id: '866550311766439020', title: 'Business cards', quantity: 250, sku: 'BC-350' },
    { id: '866550311766439021', title: 'Poster A2', quantity: 3, sku: 'POS-A2' },
    { id: '866550311766439022', title: 'Sticker sheet', quantity: 10 },
  ],
};

const ORDERS_QUERY = /* GraphQL */ `
  query ($externalId: String) {
    orders(first: 10, filter: { externalId: $externalId }) {
      nodes {
        id externalId name createdAt
        lines { externalId title quantity sku }
        jobs { id number stage { key label } dueAt items { quantity orderLine { externalId } } }
      }
    }
  }
`;

interface OrdersData {
  orders: {
    nodes: {
      externalId: string;
      name: string;
      lines: { externalId: string; title: string; quantity: number; sku: string | null }[];
      jobs: { number: string; stage: { key: string }; items: { quantity: number; orderLine: { externalId: string } }[] }[];
    }[];
  };
}

describe('a paid Shopify order becomes production jobs', () => {
  let app: TestApp;
  let shop: { shopId: string; apiKey: string };
  const domain = 'inkwell-press.myshopify.com';

  beforeAll(async () => {
    app = await startTestApp();
    shop = await app.addShop(domain);
  });
  afterAll(() => app.close());

  it('stores the order, its lines and one job per line, visible through the API', async () => {
    const response = await sendShopifyOrder({ baseUrl: app.baseUrl, secret: app.secret, shopDomain: domain, order: ORDER, webhookId: 'wh-1' });
    expect(response.status).toBe(200);

    const order = await eventually(async () => {
      const result = await app.graphql<OrdersData>(shop.apiKey, ORDERS_QUERY, { externalId: ORDER.id });
      const node = result.data?.orders.nodes[0];
      return node && node.jobs.length === 3 ? node : undefined;
    });

    // The id is past 2^53: JSON.parse would have made it 820982911946154500.
    expect(order.externalId).toBe('820982911946154508');
    expect(order.name).toBe('#9999');
    expect(order.lines.map((line) => [line.externalId, line.title, line.quantity, line.sku])).toEqual([
      ['866550311766439020', 'Business cards', 250, 'BC-350'],
      ['866550311766439021', 'Poster A2', 3, 'POS-A2'],
      ['866550311766439022', 'Sticker sheet', 10, null],
    ]);
    const jobsByLine = new Map(order.jobs.map((job) => [job.items[0]?.orderLine.externalId, job]));
    for (const line of ORDER.lines) {
      const job = jobsByLine.get(line.id);
      expect(job?.items).toEqual([{ quantity: line.quantity, orderLine: { externalId: line.id } }]);
      expect(job?.stage.key).toBe('received');
      expect(job?.number).toMatch(/^J-\d+$/);
    }
    expect(new Set(order.jobs.map((job) => job.number)).size).toBe(3);
  });

  it('changes nothing when the same delivery arrives again', async () => {
    await eventually(async () => ((await rowCounts(app.owner)).jobs === 3 ? true : undefined));
    const before = await rowCounts(app.owner);

    const again = await sendShopifyOrder({ baseUrl: app.baseUrl, secret: app.secret, shopDomain: domain, order: ORDER, webhookId: 'wh-1' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    // A second delivery of the same order (new webhook id) is stored but doubles no job.
    const redelivered = await sendShopifyOrder({ baseUrl: app.baseUrl, secret: app.secret, shopDomain: domain, order: ORDER, webhookId: 'wh-2' });
    expect(redelivered.status).toBe(200);
    await eventually(async () => {
      const [row] = await app.owner`select count(*)::int as n from webhook_deliveries where status = 'pending'`;
      return row?.['n'] === 0 ? true : undefined;
    });

    const after = await rowCounts(app.owner);
    expect(after).toEqual({ ...before, webhook_deliveries: before.webhook_deliveries + 1, queued_jobs: after.queued_jobs });
    expect(after.jobs).toBe(3);
  });

  it('refuses a bad or missing signature with 401 and writes nothing', async () => {
    const before = await rowCounts(app.owner);
    const rawBody = buildShopifyOrderPayload({ ...ORDER, id: '820982911946154999' });
    const headers = signShopifyWebhook({ rawBody, secret: app.secret, topic: 'orders/paid', shopDomain: domain, webhookId: 'wh-bad' });

    const tampered = rawBody.replace('Business cards', 'Business cardz');
    const wrongSecret = signShopifyWebhook({ rawBody, secret: 'not-the-secret', topic: 'orders/paid', shopDomain: domain, webhookId: 'wh-bad' });
    const { ['X-Shopify-Hmac-Sha256']: _dropped, ...unsigned } = headers;
    for (const attempt of [
      { headers, body: tampered },
      { headers: wrongSecret, body: rawBody },
      { headers: unsigned, body: rawBody },
    ]) {
      const response = await fetch(`${app.baseUrl}/webhooks/shopify`, { method: 'POST', headers: attempt.headers, body: attempt.body });
      expect(response.status).toBe(401);
    }
    expect(await rowCounts(app.owner)).toEqual(before);
  });

  it('rejects a delivery for a shop it does not know, storing nothing and creating no tenant', async () => {
    const before = await rowCounts(app.owner);
    const response = await sendShopifyOrder({ baseUrl: app.baseUrl, secret: app.secret, shopDomain: 'stranger.myshopify.com', order: ORDER, webhookId: 'wh-x' });
    expect(response.status).toBe(404);
    expect(await rowCounts(app.owner)).toEqual(before);
  });
});
