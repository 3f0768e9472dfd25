import { queues } from '@pressline/db';
import type { CoreDeps } from '@pressline/core';
import { processDeliveryHandler } from './handlers/process-delivery.ts';

/** Subscribes this process to every queue Pressline works. */
export async function startWorkers(deps: CoreDeps, options: { concurrency: number }): Promise<void> {
  await deps.boss.work(
    queues.intake.name,
    { batchSize: 1, localConcurrency: options.concurrency, pollingIntervalSeconds: 0.5 },
    processDeliveryHandler(deps),
  );
}
