import { buildShopifyOrderPayload } from '@pressline/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSigned } from '../support/orders.ts';
import { rowCounts } from '../support/row-counts.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'careful-print.myshopify.com';

describe('a signed delivery that can never be processed', () => {
  let app: TestApp;
  let sequence = 0;

  beforeAll(async () => {
    app = await startTestApp();
    await app.addShop(DOMAIN);
  });
  afterAll(() => app.close());

  const send = (topic: string, rawBody: string) => sendSigned(app, { shopDomain: DOMAIN, topic, webhookId: `bad-${++sequence}`, rawBody });

  it.each([
    ['malformed JSON', 'orders/paid', '{"id": 1, "line_items": [', 422, /not valid JSON/],
    ['an order without line items', 'orders/paid', JSON.stringify({ id: 5, name: '#5', currency: 'USD', total_price: '1.00', created_at: '2026-11-20T10:00:00Z' }), 422, /line_items/],
    ['a quantity that is not a count', 'orders/paid', buildShopifyOrderPayload({ id: '6', name: '#6', lines: [{ id: '61', title: 'Card', quantity: 1 }] }).replace('"quantity":1', '"quantity":-3'), 422, /quantity/],
    ['a topic Pressline does not handle', 'products/update', JSON.stringify({ id: 1, title: 'Mug' }), 400, /products\/update/],
    ['a privacy request without its customer', 'customers/redact', JSON.stringify({ shop_domain: DOMAIN }), 422, /customer/],
  ])('refuses %s with a clear 4xx and stores nothing', async (_name, topic, rawBody, status, message) => {
    const before = await rowCounts(app.owner);
    const response = await send(topic, rawBody);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(message);
    expect(await rowCounts(app.owner)).toEqual(before);
  });

  it('refuses a body over the 5 MiB limit unread, with 413', async () => {
    const before = await rowCounts(app.owner);
    const huge = JSON.stringify({ id: 7, padding: 'x'.repeat(5 * 1024 * 1024) });
    const response = await send('orders/paid', huge);
    expect(response.status).toBe(413);
    expect(await rowCounts(app.owner)).toEqual(before);
  });
});
