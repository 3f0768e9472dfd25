import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = 'workers/src/cli/main.ts';

/** Settings of the test run that must not reach the CLI: it picks its database from these. */
const INHERITED_ONLY_IF_ASKED = ['DATABASE_URL', 'DATABASE_APP_URL', 'PRESSLINE_HOME', 'PORT', 'HOST', 'SHOPIFY_API_SECRET'];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `pressline` CLI in a child process, as a user would, against the
 * embedded Postgres under `home` (DATABASE_URL is removed even when the run has one).
 */
export function runCli(args: string[], options: { home: string; env?: Record<string, string>; timeoutMs?: number }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_ONLY_IF_ASKED) delete env[name];
  Object.assign(env, { PRESSLINE_HOME: options.home }, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // SIGTERM first: the CLI then stops the embedded server it started.
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 50_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
