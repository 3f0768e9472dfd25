import { and, eq } from 'drizzle-orm';
import { schema, type QueueClient, type Tx } from '@pressline/db';
import { afterJobMoved } from '../scheduling/after-job-moved.ts';
import { insertJobEvents } from './insert-job-events.ts';
import { asJobId, heldFromAfterMove, jobTransitionEvent, type Stage } from '../../domain/index.ts';

export interface AllowedMove {
  shopId: string;
  job: { id: string; heldFrom: string | null };
  from: Stage;
  to: Stage;
  actor: string;
  at: Date;
  note: string | null;
  /** Queues the schedule's re-plan in the same transaction. */
  boss: QueueClient;
}

/** Writes a move the workflow has allowed: the job's new stage, its audit event and the schedule's follow-up, together. */
export async function applyTransition(tx: Tx, move: AllowedMove): Promise<void> {
  const event = jobTransitionEvent({ jobId: asJobId(move.job.id), at: move.at, actor: move.actor, from: move.from.key, to: move.to.key, note: move.note });
  await tx
    .update(schema.jobs)
    .set({ stageKey: move.to.key, heldFrom: heldFromAfterMove({ from: move.from, to: move.to, heldFrom: move.job.heldFrom }), updatedAt: move.at })
    .where(and(eq(schema.jobs.shopId, move.shopId), eq(schema.jobs.id, move.job.id)));
  await insertJobEvents(tx, move.shopId, [event]);
  await afterJobMoved(tx, move.boss, { shopId: move.shopId, jobId: move.job.id, from: move.from, to: move.to, at: move.at });
}
