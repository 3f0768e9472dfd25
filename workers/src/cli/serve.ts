import type { Env } from '../env.ts';
import { startHttp } from '../http.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { startWorkers } from '../worker.ts';
import { say, untilSignal } from './lifecycle.ts';

export interface ServeOptions {
  api: boolean;
  workers: boolean;
  migrate: boolean;
  shopifySecret?: string;
  /** Runs once everything listens, before waiting for a signal (the demo seeds here). */
  ready?: (runtime: Runtime, baseUrl: string) => Promise<void>;
  /** Exit after `ready` instead of waiting for a signal. */
  once?: boolean;
}

/** `start`, `api`, `worker` and `demo`: one process serving the API, the workers, or both. */
export async function serve(env: Env, options: ServeOptions): Promise<void> {
  const runtime = await openRuntime(env, { migrate: options.migrate, supervise: options.workers, shopifySecret: options.shopifySecret, log: () => {} });
  const log = (message: string, error?: unknown) => say(`${message}${error ? `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ''}`);
  let http: Awaited<ReturnType<typeof startHttp>> | undefined;
  try {
    say(`pressline: database ${runtime.location.embedded ? `embedded under ${env.PRESSLINE_HOME}` : 'from DATABASE_URL'}`);
    if (!runtime.deps.connectors.shopify) {
      say('pressline: SHOPIFY_API_SECRET is not set; Shopify webhooks are refused and stored deliveries wait');
    }
    if (options.workers) {
      await startWorkers(runtime.deps, { concurrency: env.WORKER_CONCURRENCY, log });
      say('pressline: workers running');
    }
    if (options.api) {
      http = await startHttp(runtime.deps, { host: env.HOST, port: env.PORT, log });
      say(`pressline: API listening on http://${env.HOST}:${http.port} (GraphQL at /graphql)`);
    }
    await options.ready?.(runtime, `http://127.0.0.1:${http?.port ?? env.PORT}`);
    if (!options.once) {
      say(`pressline: stopped by ${await untilSignal()}`);
      tolerateConnectionLossWhileStopping();
    }
  } finally {
    await http?.close();
    await runtime.close();
  }
}

/**
 * Ctrl-C reaches the embedded Postgres too (it shares our process group), so the server
 * may close our connections while we shut down, and a client that is being closed can
 * then raise an error nobody listens for any more. That is expected on the way out and
 * must not turn a clean stop into a crash; any other error still does.
 */
function tolerateConnectionLossWhileStopping(): void {
  process.on('uncaughtException', (error) => {
    const code = (error as { code?: unknown }).code;
    if (code === '57P01' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNREFUSED') return;
    say(`pressline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
