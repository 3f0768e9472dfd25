import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@pressline/db';
import { runCli } from '../support/cli.ts';

describe('registering WooCommerce and Odoo shops from the command line', () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'pressline-connections-'));
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('stores each connection with its secrets sealed, and names every missing or bad flag', { timeout: 90_000 }, async () => {
    const woo = await runCli(
      ['shop', 'add', '--platform', 'woocommerce', '--url', 'http://127.0.0.1:8089/', '--consumer-key', 'ck_live_1234', '--consumer-secret', 'cs_live_5678', '--webhook-secret', 'wc-hook-secret'],
      { home },
    );
    expect(woo.code, woo.stderr).toBe(0);
    expect(woo.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);

    const odoo = await runCli(
      ['shop', 'add', '--platform', 'odoo', '--url', 'https://erp.example.com', '--db', 'prod', '--username', 'admin', '--api-key', 'odoo-key-9999', '--version', '18', '--webhook-secret', 'odoo-hook-secret'],
      { home },
    );
    expect(odoo.code, odoo.stderr).toBe(0);

    const missing = await runCli(['shop', 'add', '--platform', 'woocommerce', '--url', 'http://127.0.0.1:8089', '--consumer-key', 'ck'], { home });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--consumer-secret: is required');
    expect(missing.stderr).toContain('--webhook-secret: is required');
    const badVersion = await runCli(
      ['shop', 'add', '--platform', 'odoo', '--url', 'https://erp.example.com', '--db', 'p', '--username', 'a', '--api-key', 'k', '--version', '16', '--webhook-secret', 'w'],
      { home },
    );
    expect(badVersion.stderr).toContain('--version: must be 17, 18 or 19');

    const server = await startEmbeddedPostgres(home);
    const sql = postgres(server.ownerUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ domain: string; platform: string; settings: Record<string, unknown>; sealed_secrets: string }[]>`
        select s.domain, c.platform, c.settings, c.sealed_secrets from shops s join shop_credentials c on c.shop_id = s.id order by s.domain`;
      expect(rows.map((row) => [row.domain, row.platform, row.settings])).toEqual([
        ['127.0.0.1:8089', 'woocommerce', { platform: 'woocommerce', siteUrl: 'http://127.0.0.1:8089' }],
        ['erp.example.com', 'odoo', { platform: 'odoo', url: 'https://erp.example.com', database: 'prod', username: 'admin', version: 18 }],
      ]);
      for (const row of rows) {
        expect(row.sealed_secrets).toMatch(/^v1\./);
        for (const secret of ['ck_live_1234', 'cs_live_5678', 'wc-hook-secret', 'odoo-key-9999', 'odoo-hook-secret']) expect(row.sealed_secrets).not.toContain(secret);
      }
    } finally {
      await sql.end();
      await server.stop();
    }
  });
});
