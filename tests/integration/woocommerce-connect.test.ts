import { createFakeWooCommerce, signWooCommerceWebhook, type FakeWooCommerce } from '@pressline/connectors/testing';
import { reconcileShop, startWooCommerceConnect } from '@pressline/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

describe('connecting a WooCommerce site', () => {
  let app: TestApp;
  let fake: FakeWooCommerce;
  let server: ReturnType<typeof setupServer>;
  let shopId: string;

  beforeAll(async () => {
    fake = await createFakeWooCommerce();
    server = setupServer(...fake.handlers);
    server.listen({ onUnhandledFrame: 'bypass' }); // the test also calls its own API on loopback
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    server?.close();
  });

  /** What WooCommerce posts to the callback once the merchant approved the keys. */
  const approve = (userId: string, permissions = 'read_write') =>
    fetch(`${app.baseUrl}/connect/woocommerce/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key_id: 1, user_id: userId, consumer_key: fake.consumerKey, consumer_secret: fake.consumerSecret, key_permissions: permissions }),
    });
  const stateOf = (authorizeUrl: string) => new URL(authorizeUrl).searchParams.get('user_id')!;

  it("sends the merchant to their own site's approval page, with an opaque state", () => {
    const { authorizeUrl } = startWooCommerceConnect(app.deps, { siteUrl: fake.siteUrl });
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(new URL('/wc-auth/v1/authorize', fake.siteUrl).toString());
    expect(url.searchParams.get('scope')).toBe('read_write');
    expect(url.searchParams.get('callback_url')).toBe(`${app.baseUrl}/connect/woocommerce/callback`);
    expect(stateOf(authorizeUrl)).not.toContain(new URL(fake.siteUrl).host);
  });

  it('keeps the approved keys, registers its webhooks with a fresh secret, and takes orders at once', async () => {
    const response = await approve(stateOf(startWooCommerceConnect(app.deps, { siteUrl: fake.siteUrl }).authorizeUrl));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { shopId: string; created: boolean; webhooks: string };
    expect(body).toMatchObject({ created: true, webhooks: '2 registered' });
    shopId = body.shopId;

    const hooks = fake.webhooks();
    expect(hooks.map((hook) => [hook.topic, hook.status, hook.delivery_url])).toEqual([
      ['order.created', 'active', `${app.baseUrl}/webhooks/woocommerce/${shopId}`],
      ['order.updated', 'active', `${app.baseUrl}/webhooks/woocommerce/${shopId}`],
    ]);

    const order = fake.seedOrder({ id: 1201, status: 'processing' });
    const rawBody = fake.webhookBody(order.id);
    const headers = signWooCommerceWebhook({ rawBody, secret: hooks[0]!.secret, topic: 'order.created', siteUrl: fake.siteUrl, webhookId: hooks[0]!.id });
    expect((await fetch(hooks[0]!.delivery_url, { method: 'POST', headers, body: rawBody })).status).toBe(200);
    await eventually(async () => {
      const [row] = await app.owner<{ n: number }[]>`select count(*)::int as n from jobs j join orders o on o.id = j.order_id where o.shop_id = ${shopId} and o.external_id = '1201'`;
      return row && row.n > 0 ? true : undefined;
    });
  });

  it('refuses a callback it did not start, an expired one, and read-only keys', async () => {
    const shopsBefore = await app.owner`select id from shops`;
    expect((await approve('forged-state')).status).toBe(401);
    const started = stateOf(startWooCommerceConnect(app.deps, { siteUrl: 'https://other.example.com' }).authorizeUrl);
    const realClock = app.deps.clock;
    app.deps.clock = () => new Date(Date.now() + 60 * 60 * 1000);
    try {
      expect((await approve(started)).status).toBe(401);
    } finally {
      app.deps.clock = realClock;
    }
    expect((await approve(started, 'read')).status).toBe(400);
    expect(await app.owner`select id from shops`).toEqual(shopsBefore);
  });

  it('switches back on the webhooks WooCommerce disabled, and backfills what they missed', async () => {
    fake.disableWebhooks();
    fake.seedOrder({ id: 1202, status: 'pending' });
    fake.editOrder(1202, { status: 'processing' }); // paid while nothing was delivered
    const run = await reconcileShop(app.deps, { shopId });
    expect(run).toMatchObject({ status: 'done', webhooks: '0 created, 2 re-enabled' });
    expect(fake.webhooks().every((hook) => hook.status === 'active')).toBe(true);
    const [row] = await app.owner<{ n: number }[]>`select count(*)::int as n from jobs j join orders o on o.id = j.order_id where o.shop_id = ${shopId} and o.external_id = '1202'`;
    expect(row?.n).toBeGreaterThan(0);
  });
});
