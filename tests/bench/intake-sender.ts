/**
 * The second process of `pnpm bench intake`: posts signed deliveries to the API over
 * loopback with a fixed number in flight, timing each acknowledgement, then prints one
 * JSON line (SenderResult). Run by intake.ts, not by hand.
 */
import { performance } from 'node:perf_hooks';
import { planDeliveries, type PlannedDelivery } from './intake-plan.ts';
import type { SenderConfig, SenderResult } from './intake-protocol.ts';
import { summarise } from './percentiles.ts';

const REQUEST_TIMEOUT_MS = 30_000;

const config = JSON.parse(process.argv[2] ?? '{}') as SenderConfig;
const { hostname } = new URL(config.baseUrl);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) throw new Error(`the sender posts to loopback only, not ${hostname}`);
const endpoint = new URL('/webhooks/shopify', config.baseUrl);

const plan = planDeliveries({
  unique: config.unique,
  duplicateRatio: config.duplicateRatio,
  secret: config.secret,
  shopDomain: config.shopDomain,
  seed: config.seed,
  nearWindow: config.concurrency,
});

// Open the keep-alive connections before the clock starts.
await Promise.all(Array.from({ length: config.concurrency }, () => fetch(new URL('/healthz', config.baseUrl)).then((r) => r.text())));

const latencies: number[] = [];
const non2xx: Record<string, number> = {};
const inFlight = new Map<string, number>();
let acknowledged = 0;
let answeredDuplicate = 0;
let overlappingResends = 0;
let errors = 0;
let firstError: string | null = null;
let next = 0;
let posted = 0;

const started = performance.now();
const cpuAtStart = process.cpuUsage();
const deadline = started + config.timeoutSeconds * 1000;

async function post(delivery: PlannedDelivery): Promise<void> {
  if (delivery.duplicate && inFlight.has(delivery.webhookId)) overlappingResends++;
  inFlight.set(delivery.webhookId, (inFlight.get(delivery.webhookId) ?? 0) + 1);
  posted++;
  const sentAt = performance.now();
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const elapsed = performance.now() - sentAt;
    if (!response.ok) {
      non2xx[response.status] = (non2xx[response.status] ?? 0) + 1;
      firstError ??= `HTTP ${response.status}: ${text.slice(0, 200)}`;
      return;
    }
    acknowledged++;
    latencies.push(elapsed);
    if ((JSON.parse(text) as { duplicate?: unknown }).duplicate === true) answeredDuplicate++;
  } catch (error) {
    errors++;
    firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } finally {
    const left = inFlight.get(delivery.webhookId)! - 1;
    if (left === 0) inFlight.delete(delivery.webhookId);
    else inFlight.set(delivery.webhookId, left);
  }
}

async function lane(): Promise<void> {
  while (next < plan.deliveries.length && performance.now() < deadline) {
    await post(plan.deliveries[next++]!);
  }
}

await Promise.all(Array.from({ length: config.concurrency }, lane));
const sendSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuAtStart);

const result: SenderResult = {
  planned: plan.deliveries.length,
  posted,
  unique: plan.uniqueKeys.length,
  duplicates: plan.deliveries.length - plan.uniqueKeys.length,
  lines: plan.lines,
  uniqueKeys: plan.uniqueKeys,
  acknowledged,
  answeredDuplicate,
  overlappingResends,
  non2xx,
  errors,
  firstError,
  sendSeconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  ackMs: summarise(latencies),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
