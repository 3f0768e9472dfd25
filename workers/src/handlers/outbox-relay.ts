import { z } from 'zod';
import { createShopPacer, relayEffect, type CoreDeps } from '@pressline/core';

const payload = z.object({ shopId: z.uuid(), outboxId: z.uuid() });

interface QueueJob {
  id: string;
  data: unknown;
}

/**
 * Thin handler: each job relays one outbox effect. Expected failures are settled by the
 * relay itself (it schedules its own retry or dead-letters the effect); a throw here is
 * unexpected (the database went away) and pg-boss retries the job.
 */
export function outboxRelayHandler(deps: CoreDeps, log: (message: string, error: unknown) => void) {
  const relayDeps = { ...deps, pacer: createShopPacer() };
  return async (jobs: QueueJob[]) => {
    const results = [];
    for (const job of jobs) {
      try {
        await relayEffect(relayDeps, payload.parse(job.data));
        results.push({ id: job.id, status: 'completed' as const });
      } catch (error) {
        log(`outbox job ${job.id} failed; it will be retried`, error);
        results.push({ id: job.id, status: 'failed' as const, output: { message: error instanceof Error ? error.message : String(error) } });
      }
    }
    return results;
  };
}
