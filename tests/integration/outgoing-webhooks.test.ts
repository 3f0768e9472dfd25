import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createShopPacer, recordRelayCrash, transitionJob } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxOf, recordShipmentVia } from '../support/backprop-flow.ts';
import { jobsOf, placeOrder } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'hooked-print.myshopify.com';

interface Received {
  topic: string;
  eventId: string;
  signature: string;
  body: string;
}

describe('outgoing webhooks', () => {
  let app: TestApp;
  let shop: { shopId: string; apiKey: string };
  let server: Server;
  let url: string;
  const received: Received[] = [];
  let failNext = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          response.writeHead(503).end();
          return;
        }
        received.push({
          topic: String(request.headers['x-pressline-topic']),
          eventId: String(request.headers['x-pressline-event-id']),
          signature: String(request.headers['x-pressline-hmac-sha256']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pressline`;
    app = await startTestApp({ outboxPolicy: { baseDelayMs: 100, maxDelayMs: 500, maxAttempts: 4 } });
    shop = await app.addShop(DOMAIN);
    await placeOrder(app, DOMAIN, { id: '7300000000000000001', name: '#W1', email: 'w@example.com', lines: [{ id: '7300000000000000011', title: 'Mugs', quantity: 4 }] });
  });
  afterAll(async () => {
    await app?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('delivers signed job, order and shipment events, retrying an endpoint that fails', { timeout: 30_000 }, async () => {
    const created = await app.graphql<{ createWebhookSubscription: { secret: string; subscription: { id: string; topics: string[] } } }>(
      shop.apiKey,
      `mutation ($url: String!) { createWebhookSubscription(url: $url, topics: ["job.stage_changed", "order.status_changed", "shipment.created"]) { secret subscription { id topics } } }`,
      { url },
    );
    expect(created.errors).toBeUndefined();
    const secret = created.data!.createWebhookSubscription.secret;
    const refused = await app.graphql(shop.apiKey, `mutation { createWebhookSubscription(url: "ftp://x", topics: ["job.stage_changed"]) { secret } }`);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    // Outside tests, a subscription cannot aim at this server's own network.
    app.deps.webhooksAllowPrivateNetworks = false;
    try {
      const internal = await app.graphql(shop.apiKey, `mutation { createWebhookSubscription(url: "http://127.0.0.1:5432/", topics: ["job.stage_changed"]) { secret } }`);
      expect(internal.errors?.[0]?.message).toContain('private network');
    } finally {
      app.deps.webhooksAllowPrivateNetworks = true;
    }

    failNext = 2; // the endpoint is down for the first two deliveries
    const [job] = await jobsOf(app, shop.shopId);
    await transitionJob(app.deps, { shopId: shop.shopId, jobId: job!.id, to: 'preflight', actor: 'operator:test' });
    const [order] = await app.owner<{ id: string }[]>`select id from orders where shop_id = ${shop.shopId}`;
    const [line] = await app.owner<{ id: string }[]>`select id from order_lines where shop_id = ${shop.shopId}`;
    const shipped = await recordShipmentVia(app, shop.apiKey, { orderId: order!.id, carrier: 'USPS', trackingNumbers: ['9400X'], lines: [{ orderLineId: line!.id, quantity: 4 }] });
    expect(shipped.errors).toBeUndefined();

    await eventually(async () => (new Set(received.map((entry) => entry.topic)).size === 3 && received.length >= 3 ? true : undefined));
    for (const entry of received) {
      expect(entry.signature).toBe(createHmac('sha256', secret).update(entry.body).digest('base64'));
      expect(JSON.parse(entry.body)).toMatchObject({ id: entry.eventId, topic: entry.topic, shopId: shop.shopId });
    }
    const stage = received.find((entry) => entry.topic === 'job.stage_changed');
    expect(JSON.parse(stage!.body).data).toMatchObject({ jobId: job!.id, from: 'received', to: 'preflight' });
    const statuses = received.filter((entry) => entry.topic === 'order.status_changed').map((entry) => JSON.parse(entry.body).data.to);
    // "paid" was decided when the order arrived, before the subscription existed.
    expect(statuses).toEqual(['shipped']);
    expect(JSON.parse(received.find((entry) => entry.topic === 'shipment.created')!.body).data).toMatchObject({ trackingNumbers: ['9400X'], carrier: 'USPS' });
    // Each event once, though two deliveries failed on the way.
    expect(new Set(received.map((entry) => entry.eventId)).size).toBe(received.length);
    const hooks = await eventually(async () => {
      const rows = (await outboxOf(app, shop.shopId)).filter((row) => row.kind === 'webhook');
      return rows.every((row) => row.status === 'sent') ? rows : undefined;
    });
    expect(hooks).toHaveLength(3);
    expect(hooks.reduce((sum, row) => sum + row.attempts, 0)).toBe(hooks.length + 2);
  });

  it('dead-letters an effect whose relay keeps crashing, after the last attempt, where the admin sees it', async () => {
    const [row] = await app.owner<{ id: string }[]>`
      insert into outbox (shop_id, kind, idempotency_key, payload) values (${shop.shopId}, 'webhook', 'crashing-1', '{}'::jsonb) returning id`;
    const deps = { ...app.deps, pacer: createShopPacer() };
    for (let i = 0; i < 3; i++) await recordRelayCrash(deps, { shopId: shop.shopId, outboxId: row!.id, message: 'connection terminated' });
    const [pending] = await app.owner<{ status: string }[]>`select status from outbox where id = ${row!.id}`;
    expect(pending?.status).toBe('pending'); // three of four attempts spent
    await recordRelayCrash(deps, { shopId: shop.shopId, outboxId: row!.id, message: 'connection terminated' });
    const failures = await app.graphql<{ outboxFailures: { id: string; attempts: number; lastError: string }[] }>(shop.apiKey, `{ outboxFailures { id attempts lastError } }`);
    expect(failures.data?.outboxFailures.find((failure) => failure.id === row!.id)).toEqual({ id: row!.id, attempts: 4, lastError: 'Relay failed: connection terminated' });
  });
});
