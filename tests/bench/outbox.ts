/**
 * `pnpm bench outbox [--effects N]`: the outbox relay's throughput. N signed webhook
 * effects are written to the outbox (each row and its pg-boss job in one transaction),
 * then the workers relay them to a local fake platform (a loopback receiver that checks
 * every signature). Printed beside the queue's own send rate (pg-boss `send`, one after
 * another and concurrently) measured in the same run, since the machine is shared.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { addShop, createWebhookSubscription, writeEffects, type EffectDraft } from '@pressline/core';
import { createBoss, withShop } from '@pressline/db';
import { openRuntime, readEnv, startWorkers } from '@pressline/workers';
import postgres from 'postgres';
import { createBenchDatabase } from './bench-database.ts';
import { startWebhookReceiver } from './outbox-receiver.ts';

const progress = (line: string) => process.stderr.write(`bench outbox: ${line}\n`);
const BATCH = 100;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { effects: { type: 'string', default: '2000' }, concurrency: { type: 'string' } } });
  const effects = Number(values.effects);
  if (!Number.isInteger(effects) || effects < 1 || effects > 1_000_000) throw new RangeError('--effects must be a whole number from 1 to 1000000');
  const concurrency = Number(values.concurrency ?? process.env['WORKER_CONCURRENCY'] ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new RangeError('--concurrency must be 1–64');

  const database = await createBenchDatabase(process.env['DATABASE_URL']);
  let secret = '';
  const receiver = await startWebhookReceiver(() => secret);
  try {
    progress(`migrating ${database.describe}`);
    // The fake platform listens on loopback.
    const env = readEnv({ ...database.env, WORKER_CONCURRENCY: String(concurrency), WEBHOOKS_ALLOW_PRIVATE: 'true' });
    const runtime = await openRuntime(env, { migrate: true, supervise: true, log: () => {} });
    const owner = postgres(runtime.location.ownerUrl, { max: 2, onnotice: () => {} });
    try {
      const { deps } = runtime;
      const shop = await addShop(deps, { platform: 'shopify', domain: 'bench-outbox.myshopify.com' });
      const created = await createWebhookSubscription(deps, { shopId: shop.id, url: receiver.url, topics: ['order.status_changed'] });
      secret = created.secret;

      progress(`baseline: ${effects} pg-boss sends, one after another and ${concurrency} at once`);
      const baseline = await measureQueueSends(runtime.location.appUrl, runtime.location.ownerUrl, effects, concurrency);

      progress(`writing ${effects} effects (outbox row + queue job per effect, ${BATCH} per transaction)`);
      const writeStart = performance.now();
      for (let start = 0; start < effects; start += BATCH) {
        const drafts: EffectDraft[] = [];
        for (let i = start; i < Math.min(effects, start + BATCH); i++) {
          drafts.push({
            kind: 'webhook',
            orderId: null,
            idempotencyKey: `webhook:bench:${i}`,
            payload: { subscriptionId: created.subscription.id, topic: 'order.status_changed', eventId: `bench-${i}`, body: { id: `bench-${i}`, topic: 'order.status_changed', data: { n: i } } },
          });
        }
        await withShop(deps.db, shop.id, (tx) => writeEffects(tx, deps.boss, shop.id, drafts));
      }
      const writeSeconds = (performance.now() - writeStart) / 1000;

      progress(`relaying with ${concurrency} workers`);
      const relayStart = performance.now();
      await startWorkers(deps, { concurrency });
      const deadline = relayStart + Math.max(120_000, effects * 50);
      while (receiver.distinct() < effects && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const relaySeconds = (receiver.lastAt() - relayStart) / 1000;
      // Let the last relays record their outcome before counting rows.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const states = await owner<{ status: string; n: number }[]>`select status, count(*)::int as n from outbox group by status order by status`;

      const relayRate = effects / relaySeconds;
      const row = (label: string, perSecond: number, base?: number) => `${label.padEnd(40)}${fmt(perSecond)}${base === undefined ? '' : `   ${ratio(perSecond, base)}`}`;
      const lines = [
        `effects: ${effects}, worker concurrency ${concurrency}, ${database.describe}`,
        '',
        `${''.padEnd(40)}${'per second'.padStart(10)}   vs queue send (sequential)`,
        row('queue send, sequential', baseline.sequential),
        row(`queue send, ${concurrency} at once`, baseline.concurrent, baseline.sequential),
        row('outbox write (row + job, 100 per tx)', effects / writeSeconds, baseline.sequential),
        row('outbox relay (signed HTTP, end to end)', relayRate, baseline.sequential),
        '',
        `delivered: ${receiver.distinct()}/${effects} distinct, ${receiver.duplicates()} repeated, ${receiver.badSignatures()} bad signatures`,
        `outbox rows: ${states.map((entry) => `${entry.status} ${entry.n}`).join(', ')}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      const lost = effects - receiver.distinct();
      const failed = states.filter((row) => row.status === 'failed').reduce((sum, row) => sum + row.n, 0);
      if (lost > 0 || failed > 0 || receiver.badSignatures() > 0) {
        process.stderr.write(`bench outbox: FAILED — ${lost} lost, ${failed} dead-lettered, ${receiver.badSignatures()} bad signatures\n`);
        return 1;
      }
      return 0;
    } finally {
      await owner.end();
      await runtime.close();
    }
  } finally {
    await receiver.close();
    await database.cleanup();
  }
}

/** pg-boss's own send rate on a scratch queue no worker serves. */
async function measureQueueSends(appUrl: string, ownerUrl: string, count: number, concurrency: number): Promise<{ sequential: number; concurrent: number }> {
  const queue = 'bench-outbox-baseline';
  const admin = createBoss({ url: ownerUrl, supervise: false });
  admin.on('error', () => {});
  await admin.start();
  await admin.createQueue(queue);
  const boss = createBoss({ url: appUrl, supervise: false, max: concurrency });
  boss.on('error', () => {});
  await boss.start();
  try {
    const send = (i: number) => boss.send(queue, { shopId: '00000000-0000-0000-0000-000000000000', outboxId: `x-${i}` });
    for (let i = 0; i < 50; i++) await send(i); // warm-up
    let start = performance.now();
    for (let i = 0; i < count; i++) await send(i);
    const sequential = count / ((performance.now() - start) / 1000);
    start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await send(next++);
      }),
    );
    const concurrent = count / ((performance.now() - start) / 1000);
    return { sequential, concurrent };
  } finally {
    await boss.stop({ graceful: false, close: true });
    await admin.deleteQueue(queue);
    await admin.stop({ graceful: false, close: true });
  }
}

const fmt = (perSecond: number) => perSecond.toFixed(0).padStart(10);
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;
