import { createFakeOdoo, type FakeOdoo } from '@pressline/connectors/testing';
import { addShop, reconcileShop } from '@pressline/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../support/row-counts.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

describe.each([17, 19] as const)('an Odoo %i shop', (version) => {
  let app: TestApp;
  let fake: FakeOdoo;
  let server: ReturnType<typeof setupServer>;
  let shopId: string;
  const secret = `odoo-webhook-secret-${version}`;

  beforeAll(async () => {
    fake = await createFakeOdoo();
    server = setupServer(...fake.handlers);
    server.listen({ onUnhandledFrame: 'bypass' }); // the test also calls its own API on loopback
    app = await startTestApp();
    const connection = fake.connection({ version, webhookSecret: secret });
    shopId = (await addShop(app.deps, { platform: 'odoo', domain: new URL(connection.url).host, connection })).id;
  });
  afterAll(async () => {
    await app?.close();
    server?.close();
  });

  const notify = (orderId: number, withSecret = secret, shop = shopId) => {
    const webhook = fake.webhook(orderId, withSecret);
    return fetch(`${app.baseUrl}/webhooks/odoo/${shop}`, { method: 'POST', headers: webhook.headers, body: webhook.body });
  };
  const jobsOf = (externalId: string) =>
    app.owner<{ title: string; quantity: number }[]>`
      select l.title, i.quantity from job_items i join order_lines l on l.id = i.order_line_id join orders o on o.id = l.order_id
      where o.shop_id = ${shopId} and o.external_id = ${externalId} order by l.title`;

  it('reads a confirmed sale order back and makes one job per product line', async () => {
    const order = fake.seedOrder({
      state: 'sale',
      partner: { name: 'Ada Lovelace', email: 'ada@example.com' },
      lines: [
        { product: 'Vinyl banner 3x1m', defaultCode: 'BAN-3x1', quantity: 2, priceUnit: 89.5 },
        { displayType: 'line_section', description: 'Finishing' },
        { product: 'Eyelets', defaultCode: 'EYE', quantity: 12, priceUnit: 0.25 },
      ],
    });
    const response = await notify(order.id);
    expect(response.status).toBe(200);
    const jobs = await eventually(async () => {
      const rows = await jobsOf(String(order.id));
      return rows.length === 2 ? rows : undefined;
    });
    // Odoo names a line after the product's display name, internal reference included.
    expect(jobs).toEqual([
      { title: '[BAN-3x1] Vinyl banner 3x1m', quantity: 2 },
      { title: '[EYE] Eyelets', quantity: 12 },
    ]);
  });

  it('takes the order of the reference sample (S00042): its lines, quantities and the engraving option', async () => {
    // The values of ../shared/reference/samples/odoo-sale-order.synthesized.json, held by the stand-in.
    const order = fake.seedOrder({
      name: 'S00042',
      state: 'sale',
      partner: { name: 'Deco Addict', email: 'deco@example.com' },
      lines: [
        { product: 'Custom Mug', defaultCode: 'MUG-01', description: '[MUG-01] Custom Mug\nEngraving: Hello', quantity: 2, priceUnit: 40 },
        { product: 'Gift card', defaultCode: 'CARD-01', quantity: 1, priceUnit: 20 },
      ],
    });
    expect((await notify(order.id)).status).toBe(200);
    const lines = await eventually(async () => {
      const rows = await app.owner<{ title: string; quantity: number; sku: string | null; properties: { name: string; value: string }[]; jobs: number }[]>`
        select l.title, l.quantity, l.sku, l.properties, (select count(*)::int from job_items i where i.order_line_id = l.id) as jobs
        from order_lines l join orders o on o.id = l.order_id where o.shop_id = ${shopId} and o.external_id = ${String(order.id)} order by l.title`;
      return rows.length === 2 && rows.every((row) => row.jobs === 1) ? rows : undefined;
    });
    expect(lines).toEqual([
      { title: '[CARD-01] Gift card', quantity: 1, sku: 'CARD-01', properties: [], jobs: 1 },
      { title: '[MUG-01] Custom Mug', quantity: 2, sku: 'MUG-01', properties: [{ name: 'Engraving', value: 'Hello' }], jobs: 1 },
    ]);
  });

  it('refuses a notice without the shop secret, and stores nothing', async () => {
    const before = await rowCounts(app.owner);
    const order = fake.seedOrder({ state: 'sale', lines: [{ product: 'Flyer', quantity: 100, priceUnit: 0.1 }] });
    expect((await notify(order.id, 'guessed-secret')).status).toBe(401);
    expect(await rowCounts(app.owner)).toEqual(before);
  });

  it('refuses a notice that is not about a sale order, or is not JSON, storing nothing', async () => {
    const before = await rowCounts(app.owner);
    const headers = { 'content-type': 'application/json', 'x-pressline-webhook-secret': secret };
    const post = (body: string) => fetch(`${app.baseUrl}/webhooks/odoo/${shopId}`, { method: 'POST', headers, body });
    for (const body of ['{"_id": 5, "_model": "res.partner"}', 'not json', '{"_model": "sale.order"}']) {
      const response = await post(body);
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
    }
    expect(await rowCounts(app.owner)).toEqual(before);
  });

  it('recovers a confirmed order whose notice never came, by reconciliation', async () => {
    const order = fake.seedOrder({ state: 'sale', lines: [{ product: 'Sticker sheet', quantity: 40, priceUnit: 1.2 }] });
    expect(await reconcileShop(app.deps, { shopId })).toMatchObject({ status: 'done' });
    expect(await jobsOf(String(order.id))).toEqual([{ title: 'Sticker sheet', quantity: 40 }]);
  });
});
