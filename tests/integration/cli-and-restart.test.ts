import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@pressline/db';
import { DEMO_SHOP_DOMAIN, demoOrders } from '@pressline/workers';
import { runCli, type CliResult } from '../support/cli.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DEMO_JOBS = demoOrders.reduce((sum, order) => sum + order.lines.length, 0);

/**
 * The `pressline` CLI as a newcomer runs it: separate processes, one after another, on
 * one PRESSLINE_HOME with the embedded Postgres (never DATABASE_URL, even in CI).
 */
describe('the pressline CLI keeps its data across processes', () => {
  let home: string;
  let shopId: string;
  const apiKeys: string[] = [];
  const demo: { shopId: string; apiKey: string }[] = [];

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'pressline-cli-'));
  });
  afterAll(async () => {
    if (home) await rm(home, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => {
    const result = await runCli(args, { home, env: { PORT: '0' } });
    // Each process stops the embedded server it started: the next one starts it again from disk.
    expect(existsSync(join(home, 'postgres', 'postmaster.pid')), `server still running after: pressline ${args.join(' ')}`).toBe(false);
    return result;
  };
  const describeRun = (result: CliResult) => `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;

  it('shop add prints the new shop id on stdout', async () => {
    const added = await cli('shop', 'add', '--platform', 'shopify', '--domain', 'a.myshopify.com');
    expect(added.code, describeRun(added)).toBe(0);
    expect(added.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    shopId = added.stdout.trim();
    expect(shopId).toMatch(UUID);
    expect(existsSync(join(home, 'postgres', 'PG_VERSION'))).toBe(true);
  });

  it('refuses the same domain again with a clear message and a failing exit code', async () => {
    const again = await cli('shop', 'add', '--platform', 'shopify', '--domain', 'A.myshopify.com');
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('A shopify shop with domain a.myshopify.com is already registered');
    expect(again.stderr).not.toMatch(/\bat \S+ \(|node_modules/);
    expect(again.code, describeRun(again)).not.toBe(0);
  });

  it('api-key create prints one plk_ key for the shop, found by domain in a later process', async () => {
    for (const shop of ['a.myshopify.com', shopId]) {
      const created = await cli('api-key', 'create', '--shop', shop);
      expect(created.code, describeRun(created)).toBe(0);
      expect(created.stdout).toMatch(/^plk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\n$/);
      const key = created.stdout.trim();
      expect(key.startsWith(`plk_${shopId.replaceAll('-', '')}_`)).toBe(true);
      // Shown once: it is on stdout only, never repeated in the diagnostics.
      expect(created.stderr).not.toContain(key);
      apiKeys.push(key);
    }
    expect(new Set(apiKeys).size).toBe(2);
  });

  it('demo --once on port 0 listens on a real port, seeds the demo shop and turns its orders into jobs', async () => {
    const run = await cli('demo', '--once');
    expect(run.code, describeRun(run)).toBe(0);
    const port = Number(/API listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(run.stderr)?.[1]);
    expect(port).toBeGreaterThan(0);
    const seeded = /shop ([0-9a-f-]{36}) has (\d+) jobs/.exec(run.stderr);
    expect(seeded?.[2], describeRun(run)).toBe(String(DEMO_JOBS));
    const apiKey = /API key (plk_\S+)/.exec(run.stderr)?.[1];
    expect(apiKey).toBeDefined();
    demo.push({ shopId: seeded![1]!, apiKey: apiKey! });
  });

  it('demo --once run again reuses the shop and its key and doubles nothing', async () => {
    const run = await cli('demo', '--once');
    expect(run.code, describeRun(run)).toBe(0);
    const seeded = /shop ([0-9a-f-]{36}) has (\d+) jobs/.exec(run.stderr);
    expect(seeded?.[1]).toBe(demo[0]?.shopId);
    expect(/API key (plk_\S+)/.exec(run.stderr)?.[1]).toBe(demo[0]?.apiKey);
  });

  it('has kept every row on disk: both shops, the keys (hashed), the demo orders and jobs once each', async () => {
    const server = await startEmbeddedPostgres(home);
    expect(server.started).toBe(true);
    const sql = postgres(server.ownerUrl, { max: 1, onnotice: () => {} });
    try {
      const shops = await sql<{ id: string; domain: string }[]>`select id, domain from shops order by domain`;
      expect(shops).toEqual([
        { id: shopId, domain: 'a.myshopify.com' },
        { id: demo[0]!.shopId, domain: DEMO_SHOP_DOMAIN },
      ]);
      const counts = await sql<{ shop: string; orders: number; jobs: number; deliveries: number }[]>`
        select s.domain as shop,
          (select count(*)::int from orders o where o.shop_id = s.id) as orders,
          (select count(*)::int from jobs j where j.shop_id = s.id) as jobs,
          (select count(*)::int from webhook_deliveries d where d.shop_id = s.id) as deliveries
        from shops s order by s.domain`;
      expect(counts).toEqual([
        { shop: 'a.myshopify.com', orders: 0, jobs: 0, deliveries: 0 },
        // The second run re-sent the same deliveries: recognised as duplicates, nothing new stored.
        { shop: DEMO_SHOP_DOMAIN, orders: demoOrders.length, jobs: DEMO_JOBS, deliveries: demoOrders.length },
      ]);
      const hashes = (await sql<{ hash: string }[]>`select hash from api_keys where shop_id = ${shopId}`).map((row) => row.hash).sort();
      expect(hashes).toEqual(apiKeys.map((key) => createHash('sha256').update(key).digest('hex')).sort());
    } finally {
      await sql.end();
      await server.stop();
    }
  });
});
