import postgres from 'postgres';
import type { CoreDeps } from '@pressline/core';
import { openRuntime, readEnv, startHttp, startWorkers } from '@pressline/workers';

export interface BenchApp {
  baseUrl: string;
  deps: CoreDeps;
  appUrl: string;
  /** The schema owner, for setup and for counting rows the way an operator would. */
  owner: postgres.Sql;
  workerConcurrency: number;
  /** Whatever the API logged as a failure while serving. */
  serverErrors: string[];
  close(): Promise<void>;
}

/**
 * The API and the workers in this process, built by the same composition root as
 * `pressline start` (migrate first, workers supervise), on a loopback port.
 */
export async function startBenchApp(envSource: Record<string, string>): Promise<BenchApp> {
  const env = readEnv(envSource);
  const runtime = await openRuntime(env, { migrate: true, supervise: true, log: () => {} });
  try {
    await startWorkers(runtime.deps, { concurrency: env.WORKER_CONCURRENCY });
    const serverErrors: string[] = [];
    const http = await startHttp(runtime.deps, {
      host: '127.0.0.1',
      port: 0,
      log: (message, error) => serverErrors.push(`${message}${error instanceof Error ? `: ${error.message}` : ''}`),
    });
    const owner = postgres(runtime.location.ownerUrl, { max: 2, onnotice: () => {} });
    return {
      baseUrl: `http://127.0.0.1:${http.port}`,
      deps: runtime.deps,
      appUrl: runtime.location.appUrl,
      owner,
      workerConcurrency: env.WORKER_CONCURRENCY,
      serverErrors,
      close: async () => {
        await http.close();
        await owner.end();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
