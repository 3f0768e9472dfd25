import { z } from 'zod';
import { createShopPacer, recordRelayCrash, relayEffect, type CoreDeps } from '@pressline/core';

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
      const parsed = payload.safeParse(job.data);
      if (!parsed.success) {
        log(`outbox job ${job.id} carries no effect; dropped`, parsed.error);
        results.push({ id: job.id, status: 'completed' as const });
        continue;
      }
      try {
        await relayEffect(relayDeps, parsed.data);
        results.push({ id: job.id, status: 'completed' as const });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`outbox job ${job.id} failed; it will be retried`, error);
        await recordRelayCrash(relayDeps, { ...parsed.data, message }).catch((bookkeeping: unknown) => log(`outbox job ${job.id}: could not record the failure`, bookkeeping));
        results.push({ id: job.id, status: 'failed' as const, output: { message } });
      }
    }
    return results;
  };
}
