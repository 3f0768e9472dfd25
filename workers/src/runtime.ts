import {
  createOdooApi,
  createOdooConnector,
  createShopifyAdminApi,
  createShopifyAuth,
  createShopifyConnector,
  createWooCommerceApi,
  createWooCommerceConnector,
} from '@pressline/connectors';
import { join } from 'node:path';
import { createFileFetcher, createLocalFileStore, createSecretBox, createSmtpMailer, type CoreDeps } from '@pressline/core';
import { createBoss, createDatabaseClient, locateDatabase, runMigrations, type DatabaseLocation } from '@pressline/db';
import type { Env } from './env.ts';
import { loadSecretKey } from './secret-key.ts';

export interface Runtime {
  deps: CoreDeps;
  location: DatabaseLocation;
  /** Stops the queue, closes the pool and stops the embedded server if we started it. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run migrations first (`start`, `demo`, `migrate`). */
  migrate: boolean;
  /** Run pg-boss maintenance in this process (workers do; an API-only process need not). */
  supervise: boolean;
  /** Overrides the Shopify app secret (the demo signs with its own). */
  shopifySecret?: string;
  log?: (line: string) => void;
}

/** The composition root: builds every dependency once, from the environment. */
export async function openRuntime(env: Env, options: RuntimeOptions): Promise<Runtime> {
  const location = await locateDatabase({ databaseUrl: env.DATABASE_URL, appDatabaseUrl: env.DATABASE_APP_URL, home: env.PRESSLINE_HOME, log: options.log });
  try {
    if (options.migrate) await runMigrations({ ownerUrl: location.ownerUrl, appPassword: location.appPassword });
    const client = createDatabaseClient({ url: location.appUrl, max: 10 });
    const boss = createBoss({ url: location.appUrl, supervise: options.supervise });
    boss.on('error', (error) => options.log?.(`queue error: ${error instanceof Error ? error.message : String(error)}`));
    await boss.start();
    const secret = options.shopifySecret ?? env.SHOPIFY_API_SECRET;
    const shopifyApp = secret ? { apiKey: env.SHOPIFY_API_KEY, apiSecretKey: secret, hostName: new URL(env.APP_URL).host } : null;
    // WooCommerce and Odoo sign with per-shop secrets, so they need no app-wide configuration.
    const connectors: CoreDeps['connectors'] = {
      woocommerce: createWooCommerceConnector(),
      odoo: createOdooConnector(),
      ...(shopifyApp ? { shopify: createShopifyConnector(shopifyApp) } : {}),
    };
    const platformApis: CoreDeps['platformApis'] = {
      woocommerce: createWooCommerceApi(),
      odoo: createOdooApi(),
      ...(shopifyApp ? { shopify: createShopifyAdminApi(shopifyApp) } : {}),
    };
    const secretKey = await loadSecretKey(env.PRESSLINE_HOME, env.PRESSLINE_SECRET_KEY);
    if (env.DATABASE_URL && secretKey.source === 'home') {
      options.log?.('PRESSLINE_SECRET_KEY is not set: shop secrets are sealed with a key kept in PRESSLINE_HOME, which other machines will not have');
    }
    const mailer = env.SMTP_HOST
      ? createSmtpMailer({ host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, user: env.SMTP_USER ?? null, password: env.SMTP_PASSWORD ?? null, from: env.SMTP_FROM })
      : null;
    const deps: CoreDeps = { db: client.db, boss, connectors, platformApis, ...(shopifyApp ? { shopifyAuth: createShopifyAuth(shopifyApp), shopifyAppSecret: shopifyApp.apiSecretKey } : {}), secrets: createSecretBox(secretKey.key),
      publicUrl: env.APP_URL,
      files: createLocalFileStore(join(env.PRESSLINE_HOME, 'files')),
      fetchFile: createFileFetcher({ maxBytes: env.FILE_FETCH_MAX_MB * 1024 * 1024, timeoutMs: 60_000, allowPrivateNetworks: env.FILE_FETCH_ALLOW_PRIVATE }),
      ...(mailer ? { mailer } : {}),
      webhooksAllowPrivateNetworks: env.WEBHOOKS_ALLOW_PRIVATE,
      outboxPolicy: { maxAttempts: env.OUTBOX_MAX_ATTEMPTS, baseDelayMs: env.OUTBOX_RETRY_BASE_MS, callTimeoutMs: env.OUTBOX_CALL_TIMEOUT_MS },
      clock: () => new Date(),
    };
    return {
      deps,
      location,
      close: async () => {
        await boss.stop({ graceful: true, timeout: 10_000, close: true });
        mailer?.close();
        await client.close();
        await location.stop();
      },
    };
  } catch (error) {
    await location.stop();
    throw error;
  }
}
