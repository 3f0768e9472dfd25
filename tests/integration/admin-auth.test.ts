import { createShopifyAuth, signOdooLaunchToken, signWooCommerceToken } from '@pressline/connectors';
import { createFakeShopifyOAuth } from '@pressline/connectors/testing';
import { addShop } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const APP = { apiKey: 'pressline-test-app', apiSecretKey: 'test-shopify-app-secret', hostName: 'localhost:8787' };
const WOO_SECRET = 'woo-webhook-secret-123456';
const ODOO_SECRET = 'odoo-webhook-secret-123456';
const SHOPS_QUERY = '{ jobs(first: 1) { nodes { id } } }';

describe('every admin and API call is authenticated', () => {
  let app: TestApp;
  let shopify: { shopId: string; apiKey: string };
  let wooShopId: string;
  let odooShopId: string;
  const oauth = createFakeShopifyOAuth({ apiKey: APP.apiKey, apiSecretKey: APP.apiSecretKey, expiresInSeconds: 3600 });

  beforeAll(async () => {
    app = await startTestApp({ workers: false, shopifyAuth: createShopifyAuth(APP) });
    shopify = await app.addShop('embedded-admin.myshopify.com');
    const woo = await addShop(app.deps, {
      platform: 'woocommerce',
      domain: 'print.example.com',
      connection: { platform: 'woocommerce', siteUrl: 'https://print.example.com', consumerKey: 'ck_x', consumerSecret: 'cs_x', webhookSecret: WOO_SECRET },
    });
    wooShopId = woo.id;
    const odoo = await addShop(app.deps, {
      platform: 'odoo',
      domain: 'odoo.example.com',
      connection: { platform: 'odoo', url: 'https://odoo.example.com', database: 'printshop', username: 'api', apiKey: 'key', version: 18, webhookSecret: ODOO_SECRET },
    });
    odooShopId = odoo.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const graphql = (authorization?: string) =>
    fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ query: SHOPS_QUERY }) });
  const exchange = (shopId: string, launchToken: string) =>
    fetch(`${app.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shopId, launchToken }) });

  it('answers 401 to a call with no credential or a wrong one, on GraphQL, live events and tickets', async () => {
    const wrong = [undefined, 'Bearer nonsense', `Bearer ${shopify.apiKey}x`, 'Bearer ps1.v1.AAAA.BBBB.CCCC', `Bearer ${oauth.sessionToken('embedded-admin.myshopify.com', { audience: 'someone-elses-app' })}`];
    for (const authorization of wrong) expect((await graphql(authorization)).status, authorization).toBe(401);
    for (const path of ['/api/events', '/api/jobs/00000000-0000-4000-8000-000000000000/ticket.pdf']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('accepts an API key and a Shopify App Bridge session token for the shop that installed Pressline', async () => {
    expect((await graphql(`Bearer ${shopify.apiKey}`)).status).toBe(200);
    expect((await graphql(`Bearer ${oauth.sessionToken('embedded-admin.myshopify.com')}`)).status).toBe(200);
    // Valid signature, but a shop that never installed Pressline.
    expect((await graphql(`Bearer ${oauth.sessionToken('stranger.myshopify.com')}`)).status).toBe(401);
    expect((await graphql(`Bearer ${oauth.sessionToken('embedded-admin.myshopify.com', { expiresInSeconds: -120 })}`)).status).toBe(401);
  });

  it('trades a WordPress launch token for a session that works on the API, and refuses a forged or foreign one', async () => {
    const expiresAt = new Date(Date.now() + 300_000);
    const token = signWooCommerceToken({ site: 'https://print.example.com', subject: { kind: 'admin', userId: '7' }, secret: WOO_SECRET, expiresAt });
    const response = await exchange(wooShopId, token);
    expect(response.status).toBe(200);
    const { session } = (await response.json()) as { session: string };
    expect((await graphql(`Bearer ${session}`)).status).toBe(200);

    const forged = signWooCommerceToken({ site: 'https://print.example.com', subject: { kind: 'admin', userId: '7' }, secret: 'guessed', expiresAt });
    const customer = signWooCommerceToken({ site: 'https://print.example.com', subject: { kind: 'customer', customerId: '9' }, secret: WOO_SECRET, expiresAt });
    expect((await exchange(wooShopId, forged)).status).toBe(401);
    expect((await exchange(wooShopId, customer)).status).toBe(401);
    // The token of one shop opens no other shop.
    expect((await exchange(odooShopId, token)).status).toBe(401);
    // A session is sealed: a flipped byte is no session.
    expect((await graphql(`Bearer ${session.slice(0, -2)}AA`)).status).toBe(401);
  });

  it('trades an Odoo launch token for a session', async () => {
    const token = signOdooLaunchToken({ secret: ODOO_SECRET, database: 'printshop', uid: 2, expiresAtSeconds: Math.floor(Date.now() / 1000) + 300 });
    const response = await exchange(odooShopId, token);
    expect(response.status).toBe(200);
    const { session } = (await response.json()) as { session: string };
    expect((await graphql(`Bearer ${session}`)).status).toBe(200);
    const otherDatabase = signOdooLaunchToken({ secret: ODOO_SECRET, database: 'another', uid: 2, expiresAtSeconds: Math.floor(Date.now() / 1000) + 300 });
    expect((await exchange(odooShopId, otherDatabase)).status).toBe(401);
  });
});
