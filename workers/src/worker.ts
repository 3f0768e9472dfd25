import { queues, RECONCILE_SCHEDULE, REPLAN_SCHEDULE } from '@pressline/db';
import type { CoreDeps } from '@pressline/core';
import { planShopHandler, replanAllHandler } from './handlers/plan-shop.ts';
import { preflightFileHandler, preflightRecheckHandler } from './handlers/preflight.ts';
import { outboxRelayHandler } from './handlers/outbox-relay.ts';
import { processDeliveryHandler } from './handlers/process-delivery.ts';
import { reconcileAllHandler, reconcileShopHandler } from './handlers/reconcile.ts';

/**
 * Deliveries fetched per poll. A full batch makes pg-boss fetch again at once (burst), so
 * a backlog drains at the database's pace rather than one batch per polling interval.
 */
const INTAKE_BATCH = 4;
const OUTBOX_BATCH = 4;

/** Subscribes this process to every queue Pressline works. */
export async function startWorkers(deps: CoreDeps, options: { concurrency: number; log?: (message: string, error: unknown) => void }): Promise<void> {
  const log = options.log ?? (() => {});
  await deps.boss.work(
    queues.intake.name,
    {
      batchSize: INTAKE_BATCH,
      burstWhenBatchFull: true,
      perJobResults: true,
      localConcurrency: options.concurrency,
      pollingIntervalSeconds: 0.5,
      // NOTIFY wakes workers for new deliveries, but not for retries coming due: poll for those too.
      notifyPollingIntervalSeconds: 2,
    },
    processDeliveryHandler(deps, log),
  );
  // Inspection is CPU-bound and runs in a worker thread each: a couple at once per process.
  await deps.boss.work(
    queues.preflightFile.name,
    { batchSize: 1, localConcurrency: Math.max(1, Math.min(2, options.concurrency)), pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 2 },
    preflightFileHandler(deps),
  );
  // Each relay holds one connection for its platform call, so a few run at once per
  // process; a full batch fetches again at once (burst), so a backlog drains at the
  // database's and the platforms' pace rather than one batch per polling interval.
  await deps.boss.work(
    queues.outboxRelay.name,
    {
      batchSize: OUTBOX_BATCH,
      burstWhenBatchFull: true,
      perJobResults: true,
      localConcurrency: Math.max(1, options.concurrency),
      pollingIntervalSeconds: 0.5,
      // NOTIFY wakes workers for new effects, but not for retries coming due: poll for those too.
      notifyPollingIntervalSeconds: 1,
    },
    outboxRelayHandler(deps, log),
  );
  await deps.boss.work(queues.preflightRecheck.name, { batchSize: 1, pollingIntervalSeconds: 2 }, preflightRecheckHandler(deps));
  await deps.boss.work(queues.planShop.name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, planShopHandler(deps));
  await deps.boss.work(queues.reconcileShop.name, { batchSize: 1, localConcurrency: 1, pollingIntervalSeconds: 2 }, reconcileShopHandler(deps, log));
  await deps.boss.work(queues.reconcileAll.name, { batchSize: 1, pollingIntervalSeconds: 5 }, reconcileAllHandler(deps));
  await deps.boss.schedule(queues.reconcileAll.name, RECONCILE_SCHEDULE);
  await deps.boss.work(queues.replanAll.name, { batchSize: 1, pollingIntervalSeconds: 5 }, replanAllHandler(deps));
  await deps.boss.schedule(queues.replanAll.name, REPLAN_SCHEDULE);
}
