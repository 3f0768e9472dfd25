import { z } from 'zod';
import { processDelivery, type CoreDeps } from '@pressline/core';

const payload = z.object({ shopId: z.uuid(), deliveryId: z.uuid() });

interface QueueJob {
  id: string;
  data: unknown;
}

/**
 * Thin queue handler: validate each job, call the use case, and settle each job on its
 * own — one failing delivery is retried by pg-boss without dragging its batch along.
 */
export function processDeliveryHandler(deps: CoreDeps, log: (message: string, error: unknown) => void) {
  return async (jobs: QueueJob[]) => {
    const results = [];
    for (const job of jobs) {
      try {
        await processDelivery(deps, payload.parse(job.data));
        results.push({ id: job.id, status: 'completed' as const });
      } catch (error) {
        log(`intake job ${job.id} failed; it will be retried`, error);
        results.push({ id: job.id, status: 'failed' as const, output: { message: error instanceof Error ? error.message : String(error) } });
      }
    }
    return results;
  };
}
