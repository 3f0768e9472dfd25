import { Command, Option } from 'commander';
import { addShop, createApiKey, findShopId, startWooCommerceConnect } from '@pressline/core';
import { locateDatabase, runMigrations } from '@pressline/db';
import { startDemoStorefront } from '../demo/demo-storefront.ts';
import { demoSecret, runDemo } from '../demo/run-demo.ts';
import { readEnv } from '../env.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { say } from './lifecycle.ts';
import { shopAddInput, type ShopAddOptions } from './shop-add-input.ts';
import { serve } from './serve.ts';
import { registerPreflightCommand } from './commands/preflight.ts';
import { registerGangupCommand } from './commands/gangup.ts';
import { registerScheduleCommand } from './commands/schedule.ts';

const program = new Command('pressline').description('Production core for print and fabrication shops').showHelpAfterError();

program.command('start').description('migrate, then run the API and the workers in one process').action(async () => {
  await serve(readEnv(), { api: true, workers: true, migrate: true });
});

program.command('api').description('run the HTTP API (webhooks, GraphQL)').action(async () => {
  await serve(readEnv(), { api: true, workers: false, migrate: false });
});

program.command('worker').description('run the queue workers').action(async () => {
  await serve(readEnv(), { api: false, workers: true, migrate: false });
});

program.command('migrate').description('bring the database schema up to date').action(async () => {
  const env = readEnv();
  const location = await locateDatabase({ databaseUrl: env.DATABASE_URL, appDatabaseUrl: env.DATABASE_APP_URL, home: env.PRESSLINE_HOME });
  try {
    await runMigrations({ ownerUrl: location.ownerUrl, appPassword: location.appPassword });
    say('pressline: database is up to date');
  } finally {
    await location.stop();
  }
});

program
  .command('demo')
  .description('start, plus a seeded demo shop whose simulated storefront sends signed orders')
  .option('--once', 'seed and send the demo orders, then exit')
  .action(async (options: { once?: boolean }) => {
    const env = readEnv();
    const secret = await demoSecret(env.PRESSLINE_HOME, env.SHOPIFY_API_SECRET);
    await serve(env, {
      api: true,
      workers: true,
      migrate: true,
      shopifySecret: secret,
      once: options.once ?? false,
      ready: async (runtime, baseUrl) => {
        const demo = await runDemo(runtime.deps, { home: env.PRESSLINE_HOME, baseUrl, secret });
        say(`pressline demo: shop ${demo.shopId} has ${demo.jobs} jobs`);
        say(`pressline demo: API key ${demo.apiKey}`);
        say(`  curl -s ${baseUrl}/graphql -H 'Authorization: Bearer ${demo.apiKey}' -H 'Content-Type: application/json' \\`);
        say(`    -d '{"query":"{ jobs(first: 20) { nodes { number title stage { label } nextStages { key } } } }"}'`);
        if (!options.once) {
          const storefront = await startDemoStorefront({ apiUrl: baseUrl, secret, host: '127.0.0.1', port: 0 });
          say(`pressline demo: storefront widgets at ${storefront.url}/ (build them first: node --import tsx storefront-widgets/src/build/build-widgets.ts)`);
        }
      },
    });
  });

/** Admin commands migrate an embedded database (ours to manage), never an external one. */
async function withAdminRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const env = readEnv();
  const runtime = await openRuntime(env, { migrate: !env.DATABASE_URL, supervise: false });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

const shop = program.command('shop').description('manage shops (tenants)');
shop
  .command('add')
  .description('register a storefront; prints the shop id')
  .addOption(new Option('--platform <platform>', 'storefront platform').choices(['shopify', 'woocommerce', 'odoo']).makeOptionMandatory())
  .option('--domain <domain>', 'Shopify: the store domain, e.g. my-shop.myshopify.com')
  .option('--url <url>', 'WooCommerce: the site URL; Odoo: the server URL (any origin, http://127.0.0.1:<port> included)')
  .option('--consumer-key <key>', 'WooCommerce REST consumer key')
  .option('--consumer-secret <secret>', 'WooCommerce REST consumer secret')
  .option('--db <name>', 'Odoo database')
  .option('--username <login>', 'Odoo login')
  .option('--api-key <key>', 'Odoo API key')
  .option('--version <version>', 'Odoo version: 17, 18 or 19')
  .option('--webhook-secret <secret>', 'WooCommerce/Odoo: the secret their webhooks are signed or sent with')
  .option('--name <name>', 'display name')
  .action(async (options: ShopAddOptions) => {
    const input = shopAddInput(options);
    const created = await withAdminRuntime((runtime) => addShop(runtime.deps, input));
    process.stdout.write(`${created.id}\n`);
  });

shop
  .command('connect')
  .description('print the link where a WooCommerce merchant approves Pressline on their site; the shop is created when they do')
  .addOption(new Option('--platform <platform>', 'storefront platform').choices(['woocommerce']).makeOptionMandatory())
  .requiredOption('--url <url>', 'the site URL')
  .action(async (options: { url: string }) => {
    const started = await withAdminRuntime(async (runtime) => startWooCommerceConnect(runtime.deps, { siteUrl: options.url }));
    process.stdout.write(`${started.authorizeUrl}\n`);
  });

program
  .command('api-key')
  .description('manage API keys')
  .command('create')
  .description('create an API key for one shop; prints it once')
  .requiredOption('--shop <shop>', 'shop id or domain')
  .option('--name <name>', 'what the key is for', 'cli')
  .action(async (options: { shop: string; name: string }) => {
    const key = await withAdminRuntime(async (runtime) => {
      const shopId = await findShopId(runtime.deps, options.shop);
      if (!shopId) throw new Error(`No shop "${options.shop}"`);
      return createApiKey(runtime.deps, { shopId, name: options.name });
    });
    process.stdout.write(`${key.key}\n`);
  });

registerGangupCommand(program);
registerPreflightCommand(program);
registerScheduleCommand(program);
program.parseAsync(process.argv).then(
  () => process.exit(0),
  (error: unknown) => {
    say(`pressline: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
