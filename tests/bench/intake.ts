/**
 * `pnpm bench intake`: signed Shopify deliveries posted from a second process over
 * loopback (with re-sends) to the real API and workers on a fresh database, checked for
 * duplicates and losses, and compared with the raw upsert rate measured in the same run.
 */
import { randomBytes } from 'node:crypto';
import { addShop } from '@pressline/core';
import { createBenchDatabase } from './bench-database.ts';
import { startBenchApp } from './bench-app.ts';
import { parseIntakeOptions } from './intake-options.ts';
import { collectOutcome, waitForWorkers } from './intake-outcome.ts';
import { typicalBodyBytes } from './intake-plan.ts';
import { runSenderProcess } from './intake-protocol.ts';
import { failuresOf, formatReport } from './intake-report.ts';
import { measureUpsertRates } from './upsert-baseline.ts';

const SHOP_DOMAIN = 'bench-press.myshopify.com';
const BASELINE = { rows: 2000, maxSeconds: 5 };

const progress = (line: string) => process.stderr.write(`bench intake: ${line}\n`);

export async function run(args: string[]): Promise<number> {
  const options = parseIntakeOptions(args, process.env);
  const secret = randomBytes(24).toString('base64url');
  const database = await createBenchDatabase(process.env['DATABASE_URL']);
  try {
    progress(`migrating and starting the API and workers on ${database.describe}`);
    const app = await startBenchApp({ ...database.env, SHOPIFY_API_SECRET: secret, ...workerConcurrencyFromEnv() });
    try {
      const shop = await addShop(app.deps, { platform: 'shopify', domain: SHOP_DOMAIN });
      const [server] = await app.owner<{ version: string; fsync: string; commit: string }[]>`
        select current_setting('server_version') as version, current_setting('fsync') as fsync, current_setting('synchronous_commit') as commit`;

      progress(`baseline: up to ${BASELINE.rows} single-row upserts or ${BASELINE.maxSeconds} s, sequential then ${options.concurrency} connections`);
      const baseline = await measureUpsertRates({ owner: app.owner, appUrl: app.appUrl, valueBytes: typicalBodyBytes(), concurrency: options.concurrency, ...BASELINE });

      progress(`sending ${options.deliveries} unique deliveries (+${Math.round(options.deliveries * options.duplicates)} re-sends) from a second process`);
      const cpuAtStart = process.cpuUsage();
      const sent = await runSenderProcess({
        baseUrl: app.baseUrl,
        secret,
        shopDomain: SHOP_DOMAIN,
        unique: options.deliveries,
        duplicateRatio: options.duplicates,
        concurrency: options.concurrency,
        seed: options.seed,
        timeoutSeconds: options.timeoutSeconds,
      });

      const cpu = process.cpuUsage(cpuAtStart);
      progress('waiting for the workers');
      const drained = await waitForWorkers(app.owner, shop.id, options.timeoutSeconds);
      const outcome = await collectOutcome(app.owner, shop.id, sent.uniqueKeys);
      const result = {
        database: `${database.describe}, Postgres ${server?.version} (fsync ${server?.fsync}, synchronous_commit ${server?.commit})`,
        concurrency: options.concurrency,
        workerConcurrency: app.workerConcurrency,
        appCpuSecondsWhileSending: (cpu.user + cpu.system) / 1e6,
        sent,
        drained,
        outcome,
        baseline,
        serverErrors: app.serverErrors,
      };
      const failures = failuresOf(result);
      process.stdout.write(`${formatReport(result, failures)}\n`);
      return failures.length === 0 ? 0 : 1;
    } finally {
      await app.close();
    }
  } finally {
    await database.cleanup();
  }
}

/** WORKER_CONCURRENCY passes through as it would to `pressline start`. */
function workerConcurrencyFromEnv(): Record<string, string> {
  const value = process.env['WORKER_CONCURRENCY'];
  return value === undefined ? {} : { WORKER_CONCURRENCY: value };
}
