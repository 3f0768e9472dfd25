import { createShopifyAdminApi, type SimulatedOrder } from '@pressline/connectors';
import { createFakeShopifyAdmin, type FakeShopifyAdmin } from '@pressline/connectors/testing';
import { addShop, reconcileShop } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';
import { queues } from '@pressline/db';

const DOMAIN = 'reconcile-print.myshopify.com';
const TOKEN = 'shpat_test_token';

// Dates near the day the test runs: the first reconciliation reads the last 7 days, so
// fixed calendar dates would fall out of its window a week after they were written.
const DAY = 24 * 3600 * 1000;
const base = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
/** `day` days after the base day (two days ago, UTC), at hh:mm. */
const at = (day: number, time: string) => new Date(base + day * DAY + Date.parse(`1970-01-01T${time}:00Z`)).toISOString();

const orders: SimulatedOrder[] = Array.from({ length: 6 }, (_, i) => ({
  id: String(8_300_000_000_000_000_000n + BigInt(i)),
  name: `#${5100 + i}`,
  email: `buyer${i}@example.com`,
  createdAt: at((i % 3) - 2, '09:00'),
  updatedAt: at(0, `1${i}:00`),
  lines: [
    { id: `9${i}01`, title: 'Sticker pack', quantity: 10 + i, sku: 'STK' },
    { id: `9${i}02`, title: 'Poster', quantity: 1 },
  ],
}));

describe('reconciliation recovers what webhooks lost', () => {
  let app: TestApp;
  let fake: FakeShopifyAdmin;
  let shopId: string;

  beforeAll(async () => {
    // A roomy bucket: only the throttling test should meet Shopify's limits, and it forces them.
    fake = await createFakeShopifyAdmin({ shopDomain: DOMAIN, accessToken: TOKEN, bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } });
    fake.listen({ unhandled: 'bypass' }); // the test also calls its own API on loopback
    const shopify = createShopifyAdminApi({ apiKey: 'test', apiSecretKey: 'test-secret', hostName: 'localhost:8787', rateLimit: { sleep: async () => {} } });
    app = await startTestApp({ platformApis: { shopify } });
    shopId = (await addShop(app.deps, { platform: 'shopify', domain: DOMAIN, connection: { platform: 'shopify', shopDomain: DOMAIN, accessToken: TOKEN } })).id;
    for (const order of orders) fake.seedOrder(order);
  });
  afterAll(async () => {
    await app?.close();
    fake?.close();
  });

  const counts = async () => {
    const [row] = await app.owner<{ orders: number; lines: number; jobs: number; doubled: number }[]>`
      select (select count(*)::int from orders where shop_id = ${shopId}) as orders,
             (select count(*)::int from order_lines where shop_id = ${shopId}) as lines,
             (select count(*)::int from jobs where shop_id = ${shopId}) as jobs,
             (select count(*)::int from order_lines l where l.shop_id = ${shopId}
                and (select count(*) from job_items i where i.order_line_id = l.id) <> 1) as doubled`;
    return row;
  };

  it('restores the orders whose deliveries were lost, once, and doubles nothing already delivered', async () => {
    // Webhooks arrive for all but orders 2 and 5.
    for (const [i, order] of orders.entries()) if (i !== 2 && i !== 5) await placeOrder(app, DOMAIN, order);
    expect(await counts()).toEqual({ orders: 4, lines: 8, jobs: 8, doubled: 0 });

    const first = await reconcileShop(app.deps, { shopId, firstWindowMs: 7 * 24 * 3600 * 1000, pageSize: 4 });
    expect(first).toMatchObject({ status: 'done', ordersSeen: 6, jobsCreated: 4 });
    expect(await counts()).toEqual({ orders: 6, lines: 12, jobs: 12, doubled: 0 });

    const again = await reconcileShop(app.deps, { shopId });
    expect(again).toMatchObject({ status: 'done', jobsCreated: 0, jobsCancelled: 0 });
    expect(await counts()).toEqual({ orders: 6, lines: 12, jobs: 12, doubled: 0 });
  });

  it('applies a cancellation whose webhook never came', async () => {
    const cancelled = fake.order(orders[3]!.id)!;
    cancelled.cancelledAt = at(1, '11:30');
    fake.touchOrder(orders[3]!.id, at(1, '11:30'));

    const run = await reconcileShop(app.deps, { shopId });
    expect(run).toMatchObject({ status: 'done', jobsCancelled: 2 });
    const stages = await app.owner<{ stage_key: string }[]>`
      select j.stage_key from jobs j join orders o on o.id = j.order_id where o.external_id = ${orders[3]!.id}`;
    expect(stages.map((row) => row.stage_key)).toEqual(['cancelled', 'cancelled']);
  });

  it('survives a throttled platform: the read is retried within its budget and nothing is lost', async () => {
    fake.touchOrder(orders[0]!.id, at(1, '11:45'));
    fake.throttleNext({ times: 2 });
    const run = await reconcileShop(app.deps, { shopId });
    expect(run).toMatchObject({ status: 'done' });
    expect(await counts()).toEqual({ orders: 6, lines: 12, jobs: 12, doubled: 0 });
  });

  it('runs from the queue: the schedule tick reconciles every connected shop', async () => {
    const late = { ...orders[0]!, id: '8300000000000000099', name: '#5199', updatedAt: at(1, '11:50'), lines: [{ id: '99901', title: 'Late flyer', quantity: 100 }] };
    fake.seedOrder(late);
    await app.deps.boss.send(queues.reconcileAll.name, {});
    await eventually(async () => {
      const [row] = await app.owner<{ n: number }[]>`select count(*)::int as n from jobs j join orders o on o.id = j.order_id where o.external_id = ${late.id}`;
      return row?.n === 1 ? true : undefined;
    }, 30_000);
  });

  it('skips a shop it cannot reach rather than guessing', async () => {
    const other = (await addShop(app.deps, { platform: 'shopify', domain: 'no-token.myshopify.com' })).id;
    expect(await reconcileShop(app.deps, { shopId: other })).toEqual({ status: 'skipped', reason: 'no platform connection on file' });
  });
});
