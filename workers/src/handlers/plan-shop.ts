import { z } from 'zod';
import { planShop, type CoreDeps } from '@pressline/core';

const shopPayload = z.object({ shopId: z.uuid() });

/** Re-plans one shop's live schedule (a throw retries). */
export function planShopHandler(deps: CoreDeps) {
  return async (jobs: { data: unknown }[]) => {
    for (const job of jobs) await planShop(deps, shopPayload.parse(job.data));
  };
}
