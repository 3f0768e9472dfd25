import { z } from 'zod';
import { reconcileShop, shopsToReconcile, type CoreDeps } from '@pressline/core';
import { queues } from '@pressline/db';

const payload = z.object({ shopId: z.uuid() });

/** One shop's reconciliation; a throw lets pg-boss retry with backoff. */
export function reconcileShopHandler(deps: CoreDeps, log: (message: string, error: unknown) => void) {
  return async (jobs: { data: unknown }[]) => {
    for (const job of jobs) {
      const { shopId } = payload.parse(job.data);
      const outcome = await reconcileShop(deps, { shopId });
      if (outcome.status === 'partial') {
        // More changed orders than one run reads: go on from the new watermark at once.
        await deps.boss.send(queues.reconcileShop.name, { shopId }, { singletonKey: shopId });
      }
      if (outcome.status === 'skipped') log(`reconciliation of shop ${shopId} skipped: ${outcome.reason}`, null);
    }
  };
}

/** The schedule's tick: one reconcile-shop job per connected shop (a shop already queued is not queued twice). */
export function reconcileAllHandler(deps: CoreDeps) {
  return async () => {
    for (const shopId of await shopsToReconcile(deps.db)) {
      await deps.boss.send(queues.reconcileShop.name, { shopId }, { singletonKey: shopId });
    }
  };
}
