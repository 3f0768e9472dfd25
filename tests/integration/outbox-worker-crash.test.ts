import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMinorUnits } from '@pressline/connectors';
import { createFakeWooCommerce, type FakeWooCommerce } from '@pressline/connectors/testing';
import { addShop, recordShipment, reconcileShop } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackPlatform, type LoopbackPlatform } from '../support/loopback-platform.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ORDERS = 30;
const KILLS = 5;

describe('a relay worker killed mid-relay, five times', () => {
  let app: TestApp;
  let fake: FakeWooCommerce;
  let platform: LoopbackPlatform;
  let home: string;
  let shopId: string;
  const secretKey = randomBytes(32);
  const children: ChildProcess[] = [];
  const orderIds: number[] = [];

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/src/cli/main.ts', 'worker'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: app.database.ownerUrl,
        DATABASE_APP_URL: app.database.appUrl,
        PRESSLINE_HOME: home,
        PRESSLINE_SECRET_KEY: secretKey.toString('base64'),
        WORKER_CONCURRENCY: '4',
        OUTBOX_RETRY_BASE_MS: '200',
      },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  }

  const sentCount = async () => {
    const [row] = await app.owner<{ n: number }[]>`select count(*)::int as n from outbox where kind = 'create_fulfillment' and status = 'sent'`;
    return row?.n ?? 0;
  };

  beforeAll(async () => {
    // A WooCommerce site on a real loopback port, answering like a remote one (latency).
    platform = await startLoopbackPlatform({ latencyMs: 40 });
    fake = await createFakeWooCommerce({ siteUrl: platform.baseUrl });
    platform.serve(fake.handlers);
    home = await mkdtemp(join(tmpdir(), 'pressline-outbox-crash-'));
    app = await startTestApp({ workers: false, secretKey });
    shopId = (await addShop(app.deps, { platform: 'woocommerce', domain: new URL(platform.baseUrl).host, connection: fake.connection() })).id;

    const now = new Date().toISOString().slice(0, 19);
    for (let i = 0; i < ORDERS; i++) {
      const lines = [
        { id: 10_000 + i * 2, name: `Flyers ${i}`, product_id: 600 + i * 2, variation_id: 0, quantity: 3, tax_class: '', subtotal: '30.00', subtotal_tax: '0.00', total: '30.00', total_tax: '0.00', taxes: [], meta_data: [], sku: '', price: 10 },
        { id: 10_001 + i * 2, name: `Banner ${i}`, product_id: 601 + i * 2, variation_id: 0, quantity: 1, tax_class: '', subtotal: '50.00', subtotal_tax: '0.00', total: '50.00', total_tax: '0.00', taxes: [], meta_data: [], sku: '', price: 50 },
      ];
      const order = fake.seedOrder({
        status: 'processing', currency: 'USD', date_created: now, date_created_gmt: now, date_modified: now, date_modified_gmt: now, date_paid: now, date_paid_gmt: now,
        total: formatMinorUnits(8000, 'USD'), cart_tax: '0.00', total_tax: '0.00', shipping_total: '0.00', shipping_tax: '0.00', discount_total: '0.00', tax_lines: [], shipping_lines: [], fee_lines: [], coupon_lines: [], line_items: lines,
      });
      orderIds.push(order.id);
    }
    await reconcileShop(app.deps, { shopId, firstWindowMs: 3 * 24 * 3600 * 1000, pageSize: 100 });
    // Two shipments per order, recorded while no worker runs: 60 fulfillments wait in the outbox.
    const lines = await app.owner<{ order_id: string; id: string; quantity: number }[]>`select order_id, id, quantity from order_lines where shop_id = ${shopId} order by external_id::int`;
    for (const line of lines) {
      await recordShipment(app.deps, { shopId, orderId: line.order_id, kind: 'carrier', carrier: 'UPS', trackingNumbers: [`1Z${line.id.slice(0, 8)}`], lines: [{ orderLineId: line.id, quantity: line.quantity }], actor: 'operator:test' });
    }
  }, 120_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await app?.close();
    await platform?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('loses no fulfillment and doubles none', { timeout: 300_000 }, async () => {
    const total = ORDERS * 2;
    let interrupted = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const before = await sentCount();
      const worker = startWorker();
      await eventually(async () => ((await sentCount()) >= Math.min(total - 1, before + 3) ? true : undefined), 90_000);
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker.once('exit', resolve));
      const [held] = await app.owner<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'outbox-relay' and state = 'active'`;
      if ((held?.n ?? 0) > 0) interrupted += 1;
    }
    expect(await sentCount()).toBeLessThan(total); // the kills really left work undone
    expect(interrupted).toBeGreaterThanOrEqual(3); // …and most of them landed mid-relay

    startWorker();
    await eventually(async () => ((await sentCount()) === total ? true : undefined), 180_000);

    const states = await app.owner<{ status: string; n: number }[]>`select status, count(*)::int as n from outbox group by status`;
    expect(states.filter((row) => row.status !== 'sent' && row.status !== 'skipped')).toEqual([]);
    for (const orderId of orderIds) {
      const records = (fake.meta(orderId, '_pressline_fulfillments') ?? []) as { lines: { lineExternalId: string; quantity: number }[] }[];
      const shipped = records.flatMap((record) => record.lines).sort((a, b) => a.lineExternalId.localeCompare(b.lineExternalId));
      const order = fake.order(orderId)!;
      expect(shipped).toEqual(order.line_items.map((line) => ({ lineExternalId: String(line.id), quantity: line.quantity })));
      expect(fake.trackingItems(orderId)).toHaveLength(2);
    }
  });
});
