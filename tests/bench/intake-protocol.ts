import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Summary } from './percentiles.ts';

/** What the parent tells the sender process (one JSON argument). */
export interface SenderConfig {
  baseUrl: string;
  secret: string;
  shopDomain: string;
  unique: number;
  duplicateRatio: number;
  concurrency: number;
  seed: number;
  timeoutSeconds: number;
}

/** What the sender prints as its one stdout line. */
export interface SenderResult {
  planned: number;
  posted: number;
  unique: number;
  duplicates: number;
  lines: number;
  uniqueKeys: string[];
  /** 2xx answers, and how many of them said `duplicate: true`. */
  acknowledged: number;
  answeredDuplicate: number;
  /** Re-sends posted while their original was still awaiting its answer. */
  overlappingResends: number;
  non2xx: Record<string, number>;
  errors: number;
  firstError: string | null;
  sendSeconds: number;
  /** CPU the sender itself used while sending (user + system). */
  cpuSeconds: number;
  ackMs: Summary;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SENDER = fileURLToPath(new URL('./intake-sender.ts', import.meta.url));

/** Runs the sender as a second Node process (its own event loop and CPU time) and reads its result. */
export function runSenderProcess(config: SenderConfig): Promise<SenderResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SENDER, JSON.stringify(config)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The sender bounds itself; this only guards against a hung child.
    const guard = setTimeout(() => child.kill('SIGKILL'), (config.timeoutSeconds + 60) * 1000);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      const line = stdout.trim().split('\n').at(-1);
      if (code !== 0 || !line) return reject(new Error(`sender exited with ${signal ?? code}${line ? `: ${line}` : ''}`));
      resolve(JSON.parse(line) as SenderResult);
    });
  });
}
