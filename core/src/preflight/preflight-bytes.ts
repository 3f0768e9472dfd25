import { buildReport, type PreflightReport, type PreflightRules } from '../domain/index.ts';
import { inspectInWorker } from './inspect-in-worker.ts';

/** One file's report under given rules, with no shop, job or database: the CLI's form of preflight. */
export async function preflightBytes(bytes: Uint8Array, options: { name?: string; rules: PreflightRules }): Promise<PreflightReport> {
  const inspection = await inspectInWorker(bytes, { name: options.name });
  return buildReport(inspection, options.rules);
}
