import { z } from 'zod';
import { processDelivery, type CoreDeps } from '@pressline/core';

const payload = z.object({ shopId: z.string().uuid(), deliveryId: z.string().uuid() });

/** Thin queue handler: validate the job, call the use case, let pg-boss retry on a throw. */
export function processDeliveryHandler(deps: CoreDeps) {
  return async (jobs: { data: unknown }[]) => {
    for (const job of jobs) {
      const input = payload.parse(job.data);
      await processDelivery(deps, input);
    }
  };
}
