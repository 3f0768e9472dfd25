import { createOdooApi, createOdooConnector, createShopifyConnector, createWooCommerceApi, createWooCommerceConnector } from '@pressline/connectors';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addShop, createApiKey, createFileFetcher, createLocalFileStore, createSecretBox, type CoreDeps } from '@pressline/core';
import { createBoss, createDatabaseClient } from '@pressline/db';
import { startHttp, startWorkers } from '@pressline/workers';
import postgres from 'postgres';
import { TEST_SHOPIFY_SECRET } from './constants.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  baseUrl: string;
  deps: CoreDeps;
  database: TestDatabase;
  /** An owner connection, for assertions that must see every tenant's rows. */
  owner: postgres.Sql;
  secret: string;
  addShop(domain: string): Promise<{ shopId: string; apiKey: string }>;
  graphql<T = unknown>(apiKey: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The real API (and, unless told otherwise, the real workers) on a loopback port and a fresh database. */
export interface TestAppOptions {
  workers?: boolean;
  platformApis?: CoreDeps['platformApis'];
  shopifyAuth?: CoreDeps['shopifyAuth'];
  mailer?: CoreDeps['mailer'];
  outboxPolicy?: CoreDeps['outboxPolicy'];
  /** Seals shop secrets; give one to share it with a worker process (PRESSLINE_SECRET_KEY). */
  secretKey?: Buffer;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const client = createDatabaseClient({ url: database.appUrl, max: 6 });
  const boss = createBoss({ url: database.appUrl, max: 4 });
  boss.on('error', () => {});
  await boss.start();
  const fileRoot = mkdtempSync(join(tmpdir(), 'pressline-files-'));
  const deps: CoreDeps = {
    db: client.db,
    files: createLocalFileStore(fileRoot),
    // Test storefronts serve their design files from loopback.
    fetchFile: createFileFetcher({ maxBytes: 50 * 1024 * 1024, timeoutMs: 10_000, allowPrivateNetworks: true }),
    boss,
    clock: () => new Date(),
    publicUrl: 'http://127.0.0.1', // set to the real port below
    shopifyAppSecret: TEST_SHOPIFY_SECRET,
    secrets: createSecretBox(options.secretKey ?? randomBytes(32)),
    platformApis: { woocommerce: createWooCommerceApi(), odoo: createOdooApi(), ...options.platformApis },
    ...(options.shopifyAuth ? { shopifyAuth: options.shopifyAuth } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.outboxPolicy ? { outboxPolicy: options.outboxPolicy } : {}),
    // Test receivers listen on loopback.
    webhooksAllowPrivateNetworks: true,
    connectors: {
      shopify: createShopifyConnector({ apiKey: 'test', apiSecretKey: TEST_SHOPIFY_SECRET, hostName: 'localhost:8787' }),
      woocommerce: createWooCommerceConnector(),
      odoo: createOdooConnector(),
    },
  };
  if (options.workers !== false) await startWorkers(deps, { concurrency: 2 });
  const errors: unknown[] = [];
  const http = await startHttp(deps, { host: '127.0.0.1', port: 0, log: (_message, error) => errors.push(error) });
  const baseUrl = `http://127.0.0.1:${http.port}`;
  deps.publicUrl = baseUrl;
  const owner = postgres(database.ownerUrl, { max: 2, onnotice: () => {} });

  return {
    baseUrl,
    deps,
    database,
    owner,
    secret: TEST_SHOPIFY_SECRET,
    addShop: async (domain) => {
      const shop = await addShop(deps, { platform: 'shopify', domain });
      const key = await createApiKey(deps, { shopId: shop.id, name: 'test' });
      return { shopId: shop.id, apiKey: key.key };
    },
    graphql: async (apiKey, query, variables) => {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    close: async () => {
      await http.close();
      await boss.stop({ graceful: false, close: true });
      await client.close();
      await owner.end();
      await database.drop();
      rmSync(fileRoot, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value other than undefined (the workers are asynchronous). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
