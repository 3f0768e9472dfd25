import { z } from 'zod';
import { queues } from '@pressline/db';
import { planShop, shopsToReplan, type CoreDeps } from '@pressline/core';

const shopPayload = z.object({ shopId: z.uuid() });

/** Re-plans one shop's live schedule (a throw retries). */
export function planShopHandler(deps: CoreDeps) {
  return async (jobs: { data: unknown }[]) => {
    for (const job of jobs) await planShop(deps, shopPayload.parse(job.data));
  };
}

/**
 * The schedule's tick: asks for a re-plan of every shop with machines. One waiting re-plan
 * per shop (singleton key), so a tick never piles up behind a busy shop's own re-plans.
 */
export function replanAllHandler(deps: CoreDeps) {
  return async () => {
    for (const shopId of await shopsToReplan(deps.db)) {
      await deps.boss.send(queues.planShop.name, { shopId }, { singletonKey: shopId });
    }
  };
}
