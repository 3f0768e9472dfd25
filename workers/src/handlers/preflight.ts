import { z } from 'zod';
import { checkJobFile, recheckShopFiles, type CoreDeps } from '@pressline/core';

const filePayload = z.object({ shopId: z.uuid(), jobId: z.uuid(), fileId: z.uuid() });
const shopPayload = z.object({ shopId: z.uuid() });

/** One file of one job: fetched if linked, checked in a worker thread, reported. A throw retries. */
export function preflightFileHandler(deps: CoreDeps) {
  return async (jobs: { data: unknown }[]) => {
    for (const job of jobs) await checkJobFile(deps, filePayload.parse(job.data));
  };
}

/** A shop's profiles changed: queue every unfinished job's files again. */
export function preflightRecheckHandler(deps: CoreDeps) {
  return async (jobs: { data: unknown }[]) => {
    for (const job of jobs) await recheckShopFiles(deps, shopPayload.parse(job.data));
  };
}
