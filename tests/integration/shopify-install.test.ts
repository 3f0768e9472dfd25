import { createShopifyAdminApi, createShopifyAuth } from '@pressline/connectors';
import { createFakeShopifyOAuth, type FakeShopifyOAuth, createFakeShopifyAdmin, type FakeShopifyAdmin } from '@pressline/connectors/testing';
import { reconcileShop } from '@pressline/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSigned } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const APP = { apiKey: 'pressline-test-app', apiSecretKey: 'test-shopify-app-secret', hostName: 'localhost:8787' };
const DOMAIN = 'fresh-install.myshopify.com';

describe('installing Pressline from Shopify', () => {
  let app: TestApp;
  let oauth: FakeShopifyOAuth;
  let server: ReturnType<typeof setupServer>;
  let now = Date.now();

  beforeAll(async () => {
    oauth = createFakeShopifyOAuth({ apiKey: APP.apiKey, apiSecretKey: APP.apiSecretKey, expiresInSeconds: 3600 });
    // Shopify's Admin API honours only the token its OAuth endpoint issued last.
    const admin: FakeShopifyAdmin = await createFakeShopifyAdmin({ shopDomain: DOMAIN, acceptsToken: (token) => token === oauth.currentToken(DOMAIN), bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } });
    server = setupServer(oauth.handler, ...admin.handlers);
    server.listen({ onUnhandledFrame: 'bypass' }); // the test also calls its own API on loopback
    app = await startTestApp({ shopifyAuth: createShopifyAuth(APP), platformApis: { shopify: createShopifyAdminApi({ ...APP, rateLimit: { sleep: async () => {} } }) } });
    app.deps.clock = () => new Date(now);
  });
  afterAll(async () => {
    await app?.close();
    server?.close();
  });

  const install = (sessionToken: string) => fetch(`${app.baseUrl}/shopify/install`, { method: 'POST', headers: { authorization: `Bearer ${sessionToken}` } });
  const credentials = () =>
    app.owner<{ shop_id: string; sealed_secrets: string; expires_at: Date | null }[]>`
      select c.shop_id, c.sealed_secrets, c.expires_at from shop_credentials c join shops s on s.id = c.shop_id where s.domain = ${DOMAIN}`;

  it('turns a valid session token into a shop with a sealed, expiring offline token', async () => {
    const response = await install(oauth.sessionToken(DOMAIN));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { shopId: string; shopDomain: string; created: boolean };
    expect(body).toMatchObject({ shopDomain: DOMAIN, created: true });
    const [row] = await credentials();
    expect(row?.shop_id).toBe(body.shopId);
    expect(row?.sealed_secrets).not.toContain(oauth.currentToken(DOMAIN)!);
    expect(row?.expires_at).toBeInstanceOf(Date);

    const again = await install(oauth.sessionToken(DOMAIN));
    expect(await again.json()).toMatchObject({ shopId: body.shopId, created: false });
  });

  it('refuses a forged, expired or foreign session token with 401 and installs nothing', async () => {
    const shopsBefore = await app.owner`select id from shops`;
    const forged = oauth.sessionToken('intruder.myshopify.com').replace(/\.[^.]+$/, '.AAAA');
    const foreignApp = oauth.sessionToken('intruder.myshopify.com', { audience: 'someone-elses-app' });
    const expired = oauth.sessionToken('intruder.myshopify.com', { expiresInSeconds: -120 });
    for (const token of [forged, foreignApp, expired, 'not-a-jwt']) expect((await install(token)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/shopify/install`, { method: 'POST' })).status).toBe(401);
    expect(await app.owner`select id from shops`).toEqual(shopsBefore);
  });

  it('renews the token before it runs out and keeps working with the new one', async () => {
    const grantsBefore = oauth.grants;
    const firstToken = oauth.currentToken(DOMAIN);
    now += 58 * 60 * 1000; // two minutes before the hour-long token expires
    const [shop] = await app.owner<{ id: string }[]>`select id from shops where domain = ${DOMAIN}`;
    expect(await reconcileShop(app.deps, { shopId: shop!.id })).toMatchObject({ status: 'done' });
    expect(oauth.grants).toBe(grantsBefore + 1);
    expect(oauth.currentToken(DOMAIN)).not.toBe(firstToken);
    const [row] = await credentials();
    expect(row!.expires_at!.getTime()).toBeGreaterThan(Date.now() + 30 * 60 * 1000);
  });

  it('forgets the tokens when the merchant uninstalls', async () => {
    const response = await sendSigned(app, { shopDomain: DOMAIN, topic: 'app/uninstalled', webhookId: 'uninstall-1', rawBody: JSON.stringify({ id: 1, domain: DOMAIN }) });
    expect(response.status).toBe(200);
    await eventually(async () => ((await credentials()).length === 0 ? true : undefined));
    const [shop] = await app.owner<{ uninstalled_at: Date | null }[]>`select uninstalled_at from shops where domain = ${DOMAIN}`;
    expect(shop?.uninstalled_at).toBeInstanceOf(Date);
  });
});
