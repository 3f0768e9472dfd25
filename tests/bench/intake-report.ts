import type { IntakeOutcome } from './intake-outcome.ts';
import type { SenderResult } from './intake-protocol.ts';
import type { UpsertRate } from './upsert-baseline.ts';

export interface IntakeRun {
  database: string;
  concurrency: number;
  workerConcurrency: number;
  /** CPU of this process (API and workers) while the sender ran. */
  appCpuSecondsWhileSending: number;
  sent: SenderResult;
  drained: { drained: boolean; pending: number };
  outcome: IntakeOutcome;
  baseline: { sequential: UpsertRate; concurrent: UpsertRate };
  serverErrors: string[];
}

/** The correctness checks; speed is reported, never judged. */
export function failuresOf(run: IntakeRun): string[] {
  const { sent, outcome } = run;
  const non2xx = Object.values(sent.non2xx).reduce((sum, n) => sum + n, 0);
  const checks: [boolean, string][] = [
    [sent.posted === sent.planned, `${sent.planned - sent.posted} deliveries not posted before the timeout`],
    [non2xx === 0 && sent.errors === 0, `${non2xx} non-2xx answers and ${sent.errors} failed requests (first: ${sent.firstError})`],
    [outcome.duplicatesStored === 0, `${outcome.duplicatesStored} duplicates stored`],
    [outcome.lost === 0, `${outcome.lost} deliveries lost`],
    [run.drained.drained, `${run.drained.pending} deliveries still pending when the wait timed out`],
    [(outcome.byStatus['processed'] ?? 0) === outcome.deliveriesStored, `deliveries by status ${JSON.stringify(outcome.byStatus)}`],
    [outcome.orders === sent.unique, `${outcome.orders} orders stored for ${sent.unique} unique deliveries`],
    [outcome.lines === sent.lines, `${outcome.lines} order lines stored for ${sent.lines} sent`],
    [outcome.linesWithoutExactlyOneJob === 0 && outcome.jobs === outcome.lines, `${outcome.linesWithoutExactlyOneJob} lines without exactly one job (${outcome.jobs} jobs for ${outcome.lines} lines)`],
  ];
  return checks.filter(([ok]) => !ok).map(([, message]) => message);
}

export function formatReport(run: IntakeRun, failures: string[]): string {
  const { sent, outcome, baseline } = run;
  const non2xx = Object.entries(sent.non2xx).map(([status, n]) => `${n}×${status}`).join(' ') || '0';
  const deliveriesPerSecond = sent.posted / sent.sendSeconds;
  const ordersPerSecond = outcome.orders / outcome.workerSeconds;
  const jobsPerLine = outcome.linesWithoutExactlyOneJob === 0 ? '1' : `not 1 for ${outcome.linesWithoutExactlyOneJob} lines`;
  const lines = [
    `intake: ${sent.posted} posted (${sent.unique} unique + ${sent.duplicates} duplicates, ${sent.overlappingResends} of them while the original was in flight), concurrency ${run.concurrency}, workers ${run.workerConcurrency}`,
    `  database: ${run.database}`,
    `  acknowledged: ${sent.acknowledged} (non-2xx ${non2xx}, failed ${sent.errors}, answered duplicate ${sent.answeredDuplicate})   deliveries/s: ${deliveriesPerSecond.toFixed(1)}   ack p50 ${ms(sent.ackMs.p50)}   p99 ${ms(sent.ackMs.p99)}   max ${ms(sent.ackMs.max)}`,
    `  cpu while sending: API+workers process ${perDelivery(run.appCpuSecondsWhileSending, sent.posted)}, sender ${perDelivery(sent.cpuSeconds, sent.posted)} per delivery (${sent.sendSeconds.toFixed(1)} s on the clock)`,
    `  stored: ${outcome.deliveriesStored}   duplicates stored: ${outcome.duplicatesStored}   lost: ${outcome.lost}   jobs per line: ${jobsPerLine} (${outcome.lines} lines, ${outcome.jobs} jobs)   orders: ${outcome.orders}`,
    `  workers drained ${outcome.orders} orders in ${outcome.workerSeconds.toFixed(1)} s (${ordersPerSecond.toFixed(0)} orders/s), ${outcome.backlogSeconds.toFixed(1)} s after the last delivery arrived; queue retries ${outcome.queue.retried}, failed ${outcome.queue.failed}`,
    `  baseline: raw single-row upsert ${baseline.sequential.perSecond.toFixed(0)} rows/s (sequential, ${baseline.sequential.rows} rows)  → intake at ${(deliveriesPerSecond / baseline.sequential.perSecond).toFixed(2)}× the raw upsert rate`,
    `            with ${run.concurrency} connections ${baseline.concurrent.perSecond.toFixed(0)} rows/s  → intake at ${(deliveriesPerSecond / baseline.concurrent.perSecond).toFixed(2)}× that`,
  ];
  if (run.serverErrors.length > 0) lines.push(`  server logged ${run.serverErrors.length} errors, first: ${run.serverErrors[0]}`);
  lines.push(failures.length === 0 ? '  result: ok' : `  result: FAILED\n${failures.map((failure) => `    - ${failure}`).join('\n')}`);
  return lines.join('\n');
}

function perDelivery(cpuSeconds: number, deliveries: number): string {
  return `${((cpuSeconds * 1000) / deliveries).toFixed(2)} ms`;
}

function ms(value: number | null): string {
  return value === null || Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`;
}
