import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendShopifyOrder } from '@pressline/workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ORDERS = 150;
const LINES_PER_ORDER = 3;

/** A `pressline worker` process on the test database, as production runs it. */
function startWorkerProcess(app: TestApp, home: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'workers/src/cli/main.ts', 'worker'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: app.database.ownerUrl, DATABASE_APP_URL: app.database.appUrl, PRESSLINE_HOME: home, WORKER_CONCURRENCY: '4', SHOPIFY_API_SECRET: app.secret },
    stdio: 'ignore',
  });
}

async function processedCount(app: TestApp): Promise<number> {
  const [row] = await app.owner<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where status = 'processed'`;
  return row?.n ?? 0;
}

describe('a worker killed mid-run', () => {
  let app: TestApp;
  let home: string;
  const children: ChildProcess[] = [];
  const domain = 'crash-test.myshopify.com';

  beforeAll(async () => {
    app = await startTestApp({ workers: false });
    home = await mkdtemp(join(tmpdir(), 'pressline-crash-'));
    await app.addShop(domain);
    for (let i = 0; i < ORDERS; i++) {
      const id = String(9_100_000_000_000_000_000n + BigInt(i));
      const lines = Array.from({ length: LINES_PER_ORDER }, (_, l) => ({ id: `${id}${l}`, title: `Item ${l}`, quantity: l + 1 }));
      const response = await sendShopifyOrder({ baseUrl: app.baseUrl, secret: app.secret, shopDomain: domain, webhookId: `crash-${i}`, order: { id, name: `#C${i}`, lines } });
      expect(response.status).toBe(200);
    }
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await app.close();
    await rm(home, { recursive: true, force: true });
  });

  it('loses no order and doubles no job once another worker takes over', { timeout: 150_000 }, async () => {
    const first = startWorkerProcess(app, home);
    children.push(first);
    await eventually(async () => ((await processedCount(app)) >= 10 ? true : undefined), 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(await processedCount(app)).toBeLessThan(ORDERS); // the kill really interrupted the run
    const [held] = await app.owner<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'intake-delivery' and state = 'active'`;
    expect(held?.n).toBeGreaterThan(0); // …and left deliveries claimed by a dead worker

    children.push(startWorkerProcess(app, home));
    await eventually(async () => ((await processedCount(app)) === ORDERS ? true : undefined), 120_000);

    const [counts] = await app.owner<{ orders: number; lines: number; jobs: number; items: number; lines_without_one_job: number }[]>`
      select
        (select count(*)::int from orders) as orders,
        (select count(*)::int from order_lines) as lines,
        (select count(*)::int from jobs) as jobs,
        (select count(*)::int from job_items) as items,
        (select count(*)::int from order_lines l
          where (select count(*) from job_items i where i.order_line_id = l.id) <> 1) as lines_without_one_job`;
    expect(counts).toEqual({ orders: ORDERS, lines: ORDERS * LINES_PER_ORDER, jobs: ORDERS * LINES_PER_ORDER, items: ORDERS * LINES_PER_ORDER, lines_without_one_job: 0 });
    const [numbers] = await app.owner<{ distinct_numbers: number }[]>`select count(distinct number)::int as distinct_numbers from jobs`;
    expect(numbers?.distinct_numbers).toBe(ORDERS * LINES_PER_ORDER);
  });
});
