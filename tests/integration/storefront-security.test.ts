import { createShopifyAuth, signWooCommerceToken, type SimulatedOrder } from '@pressline/connectors';
import { createFakeShopifyOAuth, signCustomerSessionToken } from '@pressline/connectors/testing';
import { addShop } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SHOPIFY_SECRET } from '../support/constants.ts';
import { appProxyQuery, placeCustomerOrder, viaAppProxy } from '../support/storefront.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SHOP = 'widget-prints.myshopify.com';
const OTHER_SHOP = 'other-prints.myshopify.com';
const APP = { apiKey: 'pressline-test-app', apiSecretKey: TEST_SHOPIFY_SECRET, hostName: 'localhost:8787' };
const ANN = '610001';
const BEA = '610002';
const order = (id: string, name: string, email: string): SimulatedOrder => ({ id, name, email, lines: [{ id: `${id}1`, title: 'Flyers', quantity: 10, sku: 'FLY' }] });

interface OrderList {
  orders: { id: string; name: string }[];
}

describe('storefront API: who may see what', () => {
  let app: TestApp;
  let allOrderIds: string[];
  let allJobIds: string[];

  beforeAll(async () => {
    app = await startTestApp({ shopifyAuth: createShopifyAuth(APP) });
    await app.addShop(SHOP);
    await placeCustomerOrder(app, SHOP, order('81001', '#1001', 'ann@example.com'), ANN);
    await placeCustomerOrder(app, SHOP, order('81002', '#1002', 'bea@example.com'), BEA);
    await placeCustomerOrder(app, SHOP, order('81003', '#1003', 'bea@example.com'), BEA);
    allOrderIds = (await app.owner<{ id: string }[]>`select id from orders`).map((row) => row.id);
    allJobIds = (await app.owner<{ id: string }[]>`select id from jobs`).map((row) => row.id);
    expect(allOrderIds).toHaveLength(3);
    // Another Shopify shop whose customer happens to have Ann's id.
    await app.addShop(OTHER_SHOP);
    await placeCustomerOrder(app, OTHER_SHOP, order('82001', '#2001', 'ann@other.example'), ANN);
  });
  afterAll(() => app?.close());

  it('refuses a missing, forged or tampered app proxy signature with 401 and shows nothing', async () => {
    const missing = await fetch(`${app.baseUrl}/storefront/orders?shop=${SHOP}&logged_in_customer_id=${ANN}`);
    expect(missing.status).toBe(401);
    const forged = await viaAppProxy(app, { shop: SHOP, customerId: ANN }, '/orders', {}, 'not-the-app-secret');
    expect(forged.status).toBe(401);
    const signed = new URL(`${app.baseUrl}/storefront/orders`);
    const genuine = await viaAppProxy(app, { shop: SHOP, customerId: ANN }, '/orders');
    expect(genuine.status).toBe(200);
    // Ann's genuine signature with Bea's id swapped in.
    const params = new URL(genuine.url).searchParams;
    params.set('logged_in_customer_id', BEA);
    signed.search = params.toString();
    const tampered = await fetch(signed);
    expect(tampered.status).toBe(401);
    expect(JSON.stringify(await tampered.json())).not.toContain('#100');
    // A genuine signature of yesterday: a replayed URL.
    const stale = new URL(`${app.baseUrl}/storefront/orders`);
    stale.search = appProxyQuery({ shop: SHOP, customerId: ANN }, app.secret, {}, new Date(Date.now() - 24 * 3600_000)).toString();
    expect((await fetch(stale)).status).toBe(401);
    // Logged out (Shopify sends an empty id): nothing to see either.
    expect((await viaAppProxy(app, { shop: SHOP, customerId: '' }, '/orders')).status).toBe(401);
  });

  it('customer A asking for every order and job of the shop sees none of customer B’s', async () => {
    const ann = { shop: SHOP, customerId: ANN };
    const list = (await (await viaAppProxy(app, ann, '/orders')).json()) as OrderList;
    expect(list.orders.map((entry) => entry.name)).toEqual(['#1001']);
    const annOrderId = list.orders[0]!.id;
    for (const orderId of allOrderIds) {
      const mine = orderId === annOrderId;
      const one = await viaAppProxy(app, ann, `/orders/${orderId}`);
      expect(one.status).toBe(mine ? 200 : 404);
      const messages = await viaAppProxy(app, ann, `/orders/${orderId}/messages`);
      expect(messages.status).toBe(mine ? 200 : 404);
      if (!mine) {
        const posted = new FormData();
        posted.set('body', 'let me in');
        expect((await viaAppProxy(app, ann, `/orders/${orderId}/messages`, { method: 'POST', body: posted })).status).toBe(404);
        expect((await viaAppProxy(app, ann, `/orders/${orderId}/reorder`, { method: 'POST' })).status).toBe(404);
      }
    }
    const annJobs = (await app.owner<{ id: string }[]>`select id from jobs where order_id = ${annOrderId}`).map((row) => row.id);
    for (const jobId of allJobIds.filter((id) => !annJobs.includes(id))) {
      const upload = new FormData();
      upload.set('file', new Blob(['%PDF-1.4']), 'x.pdf');
      expect((await viaAppProxy(app, ann, `/jobs/${jobId}/files`, { method: 'POST', body: upload })).status).toBe(404);
      const proof = await viaAppProxy(app, ann, `/jobs/${jobId}/proof`, { method: 'POST', body: JSON.stringify({ decision: 'approve' }), headers: { 'content-type': 'application/json' } });
      expect(proof.status).toBe(404);
    }
    // Nothing Bea's was written by any of it.
    expect(await app.owner`select 1 from order_messages`).toHaveLength(0);
    expect(await app.owner`select 1 from job_files`).toHaveLength(0);
  });

  it('a customer token of shop A presented to shop B is 401; to shop A it shows its customer’s orders', async () => {
    const shopA = await addShop(app.deps, {
      platform: 'woocommerce',
      domain: 'alpha-shop.example',
      connection: { platform: 'woocommerce', siteUrl: 'https://alpha-shop.example', consumerKey: 'ck_a', consumerSecret: 'cs_a', webhookSecret: 'secret-of-alpha' },
    });
    const shopB = await addShop(app.deps, {
      platform: 'woocommerce',
      domain: 'bravo-shop.example',
      connection: { platform: 'woocommerce', siteUrl: 'https://bravo-shop.example', consumerKey: 'ck_b', consumerSecret: 'cs_b', webhookSecret: 'secret-of-bravo' },
    });
    const expiresAt = new Date(Date.now() + 4 * 60_000);
    const tokenA = signWooCommerceToken({ site: 'https://alpha-shop.example', subject: { kind: 'customer', customerId: '7' }, secret: 'secret-of-alpha', expiresAt });
    const call = (shop: string, token: string) => fetch(`${app.baseUrl}/storefront/orders`, { headers: { authorization: `Bearer ${token}`, 'x-pressline-shop': shop } });

    expect((await call(shopA.id, tokenA)).status).toBe(200);
    expect((await call('alpha-shop.example', tokenA)).status).toBe(200);
    expect((await call(shopB.id, tokenA)).status).toBe(401);
    expect((await call('bravo-shop.example', tokenA)).status).toBe(401);
    // Signed with B's secret but naming A's site: still not B's.
    const crossed = signWooCommerceToken({ site: 'https://alpha-shop.example', subject: { kind: 'customer', customerId: '7' }, secret: 'secret-of-bravo', expiresAt });
    expect((await call(shopB.id, crossed)).status).toBe(401);
    expect((await call(shopA.id, crossed)).status).toBe(401);
    const expired = signWooCommerceToken({ site: 'https://alpha-shop.example', subject: { kind: 'customer', customerId: '7' }, secret: 'secret-of-alpha', expiresAt: new Date(Date.now() - 10 * 60_000) });
    expect((await call(shopA.id, expired)).status).toBe(401);
    const admin = signWooCommerceToken({ site: 'https://alpha-shop.example', subject: { kind: 'admin', userId: '1' }, secret: 'secret-of-alpha', expiresAt });
    expect((await call(shopA.id, admin)).status).toBe(401);
  });

  describe('a Shopify customer account extension’s session token', () => {
    const token = (shop: string, customerId: string | null, options: { expiresInSeconds?: number; audience?: string; apiSecretKey?: string } = {}) =>
      signCustomerSessionToken(shop, { ...APP, ...options, customerId });
    const orders = (authorization: string, path = '/orders') => fetch(`${app.baseUrl}/storefront${path}`, { headers: { authorization } });
    const namesOf = async (response: Response) => ((await response.json()) as OrderList).orders.map((entry) => entry.name).sort();

    it('shows the signed customer’s orders of the signed shop, and nothing of another shop or customer', async () => {
      const ann = await orders(`Bearer ${token(SHOP, ANN)}`);
      expect(ann.status).toBe(200);
      expect(ann.headers.get('cache-control')).toBe('private, no-store');
      expect(await namesOf(ann)).toEqual(['#1001']);
      expect(await namesOf(await orders(`Bearer ${token(SHOP, BEA)}`))).toEqual(['#1002', '#1003']);
      // The same customer id in another shop: that shop's order only.
      expect(await namesOf(await orders(`Bearer ${token(OTHER_SHOP, ANN)}`))).toEqual(['#2001']);
      // Ann's token on Bea's orders, by id: the same 404 as an unknown order.
      const [annOrder] = (await (await orders(`Bearer ${token(SHOP, ANN)}`)).json() as OrderList).orders;
      for (const orderId of allOrderIds.filter((id) => id !== annOrder!.id)) {
        expect((await orders(`Bearer ${token(SHOP, ANN)}`, `/orders/${orderId}`)).status).toBe(404);
        const reorder = await fetch(`${app.baseUrl}/storefront/orders/${orderId}/reorder`, { method: 'POST', headers: { authorization: `Bearer ${token(SHOP, ANN)}` } });
        expect(reorder.status).toBe(404);
      }
    });

    it('refuses a tampered, foreign, expired, guest or admin token with 401', async () => {
      const genuine = token(SHOP, ANN);
      const [header, claims, signature] = genuine.split('.') as [string, string, string];
      const swapped = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), sub: `gid://shopify/Customer/${BEA}` })).toString('base64url');
      const otherShop = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), dest: OTHER_SHOP })).toString('base64url');
      const oauth = createFakeShopifyOAuth(APP);
      const refused: [string, string][] = [
        ['customer swapped', `${header}.${swapped}.${signature}`],
        ['shop swapped', `${header}.${otherShop}.${signature}`],
        ['another app’s secret', token(SHOP, ANN, { apiSecretKey: 'someone-elses-secret' })],
        ['another app’s audience', token(SHOP, ANN, { audience: 'someone-elses-app' })],
        ['expired', token(SHOP, ANN, { expiresInSeconds: -60 })],
        ['shop without Pressline', token('stranger.myshopify.com', ANN)],
        ['guest', token(SHOP, null)],
        ['App Bridge admin token (a staff member, no customer)', oauth.sessionToken(SHOP)],
      ];
      for (const [what, jwt] of refused) {
        const response = await orders(`Bearer ${jwt}`);
        expect(response.status, what).toBe(401);
        expect(JSON.stringify(await response.json()), what).not.toContain('#100');
      }
      expect(await (await orders(`Bearer ${token(SHOP, null)}`)).json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: 'Log in to see your orders' } });
      // A few seconds past expiry is clock skew, not an expired token.
      expect((await orders(`Bearer ${token(SHOP, ANN, { expiresInSeconds: -3 })}`)).status).toBe(200);
      // Naming a shop makes it a plugin's customer token: a session token is not one.
      const named = await fetch(`${app.baseUrl}/storefront/orders`, { headers: { authorization: `Bearer ${genuine}`, 'x-pressline-shop': SHOP } });
      expect(named.status).toBe(401);
    });

    it('stops working for a shop that uninstalled Pressline', async () => {
      await app.owner`update shops set uninstalled_at = now() where domain = ${OTHER_SHOP}`;
      expect((await orders(`Bearer ${token(OTHER_SHOP, ANN)}`)).status).toBe(401);
    });

    it('lets the extension’s Shopify-hosted origin call across origins with the token (preflight and answer)', async () => {
      const origin = 'https://extensions.shopifycdn.com';
      const preflight = await fetch(`${app.baseUrl}/storefront/orders/00000000-0000-4000-8000-000000000000/reorder`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      // No cookies ride along: the token is the only credential.
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await fetch(`${app.baseUrl}/storefront/orders`, { headers: { origin, authorization: `Bearer ${token(SHOP, ANN)}` } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    });
  });
});
