import { signWooCommerceToken, type SimulatedOrder } from '@pressline/connectors';
import { addShop } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxyQuery, placeCustomerOrder, viaAppProxy } from '../support/storefront.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SHOP = 'widget-prints.myshopify.com';
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
    app = await startTestApp();
    await app.addShop(SHOP);
    await placeCustomerOrder(app, SHOP, order('81001', '#1001', 'ann@example.com'), ANN);
    await placeCustomerOrder(app, SHOP, order('81002', '#1002', 'bea@example.com'), BEA);
    await placeCustomerOrder(app, SHOP, order('81003', '#1003', 'bea@example.com'), BEA);
    allOrderIds = (await app.owner<{ id: string }[]>`select id from orders`).map((row) => row.id);
    allJobIds = (await app.owner<{ id: string }[]>`select id from jobs`).map((row) => row.id);
    expect(allOrderIds).toHaveLength(3);
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
});
