import { buildWooCommercePing, createFakeWooCommerce, signWooCommerceWebhook, type FakeWooCommerce } from '@pressline/connectors/testing';
import { addShop, reconcileShop } from '@pressline/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../support/row-counts.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

describe('a WooCommerce shop', () => {
  let app: TestApp;
  let fake: FakeWooCommerce;
  let server: ReturnType<typeof setupServer>;
  let shopId: string;
  let sequence = 0;

  beforeAll(async () => {
    fake = await createFakeWooCommerce();
    fake.seedOrder({ id: 727 }); // WooCommerce's own documented sample order
    server = setupServer(...fake.handlers);
    server.listen({ onUnhandledFrame: 'bypass' }); // the test also calls its own API on loopback
    app = await startTestApp();
    const connection = fake.connection();
    shopId = (await addShop(app.deps, { platform: 'woocommerce', domain: new URL(connection.siteUrl).host, connection })).id;
  });
  afterAll(async () => {
    await app?.close();
    server?.close();
  });

  const deliver = (orderId: number, options: { secret?: string; shop?: string; topic?: string } = {}) => {
    const rawBody = fake.webhookBody(orderId);
    const headers = signWooCommerceWebhook({ rawBody, secret: options.secret ?? fake.webhookSecret, topic: options.topic ?? 'order.updated', siteUrl: fake.siteUrl, webhookId: 12, deliveryId: `d-${++sequence}` });
    return fetch(`${app.baseUrl}/webhooks/woocommerce/${options.shop ?? shopId}`, { method: 'POST', headers, body: rawBody });
  };
  const linesAndJobs = (externalId: string) =>
    app.owner<{ title: string; quantity: number; properties: { name: string; value: string }[]; jobs: number }[]>`
      select l.title, l.quantity, l.properties, (select count(*)::int from job_items i where i.order_line_id = l.id) as jobs
      from order_lines l join orders o on o.id = l.order_id
      where o.shop_id = ${shopId} and o.external_id = ${externalId} order by l.external_id`;

  it('turns the sample order into its lines, quantities and options, one job per line', async () => {
    const response = await deliver(727);
    expect(response.status).toBe(200);
    const lines = await eventually(async () => {
      const rows = await linesAndJobs('727');
      return rows.length === 2 && rows.every((row) => row.jobs === 1) ? rows : undefined;
    });
    expect(lines.map((line) => [line.title, line.quantity])).toEqual([
      ['Woo Single #1', 2],
      ['Ship Your Idea – Color: Black, Size: M Test', 1],
    ]);
    expect(lines[1]!.properties).toEqual(expect.arrayContaining([{ name: 'pa_color', value: 'black' }, { name: 'size', value: 'M Test' }]));
  });

  it('stores the same delivery once, however often WooCommerce or anyone sends it', async () => {
    const before = await rowCounts(app.owner);
    const again = await deliver(727);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(await rowCounts(app.owner)).toEqual({ ...before, queued_jobs: before.queued_jobs });
  });

  it("answers WooCommerce's set-up ping without storing anything", async () => {
    const before = await rowCounts(app.owner);
    const ping = buildWooCommercePing(12);
    const response = await fetch(`${app.baseUrl}/webhooks/woocommerce/${shopId}`, { method: 'POST', headers: ping.headers, body: ping.rawBody });
    expect(response.status).toBe(200);
    expect(await rowCounts(app.owner)).toEqual(before);
  });

  it('refuses a forged signature (401) and a shop that is not a WooCommerce shop of ours (404), storing nothing', async () => {
    const before = await rowCounts(app.owner);
    expect((await deliver(727, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await deliver(727, { shop: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await deliver(727, { shop: 'not-a-uuid' })).status).toBe(404);
    const shopify = await app.addShop('other.myshopify.com');
    const afterShop = await rowCounts(app.owner);
    expect((await deliver(727, { shop: shopify.shopId })).status).toBe(404);
    expect(await rowCounts(app.owner)).toEqual(afterShop);
    expect(afterShop.orders).toBe(before.orders);
  });

  it('refuses a signed body that can never be processed, and one over the size limit, storing nothing', async () => {
    const before = await rowCounts(app.owner);
    const post = (rawBody: string, topic = 'order.updated') =>
      fetch(`${app.baseUrl}/webhooks/woocommerce/${shopId}`, {
        method: 'POST',
        headers: signWooCommerceWebhook({ rawBody, secret: fake.webhookSecret, topic, siteUrl: fake.siteUrl, webhookId: 12 }),
        body: rawBody,
      });
    const malformed = await post('{"id": 727, "line_items": [');
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect((await post(JSON.stringify({ id: 1, name: 'Mug' }), 'product.updated')).status).toBe(400);
    expect((await post(JSON.stringify({ padding: 'x'.repeat(5 * 1024 * 1024) }))).status).toBe(413);
    expect(await rowCounts(app.owner)).toEqual(before);
  });

  it('recovers an order whose webhook never came (WooCommerce never retries) by reconciliation', async () => {
    fake.seedOrder({ id: 900, status: 'pending' });
    fake.editOrder(900, { status: 'processing' }); // paid just now
    const run = await reconcileShop(app.deps, { shopId });
    expect(run).toMatchObject({ status: 'done' });
    const lines = await linesAndJobs('900');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.jobs === 1)).toBe(true);
  });
});
