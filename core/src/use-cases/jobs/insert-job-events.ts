import { schema, type Tx } from '@pressline/db';
import type { JobEventDraft } from '../../domain/index.ts';

/** Appends audit events of one shop's jobs (the table is append-only). */
export async function insertJobEvents(tx: Tx, shopId: string, drafts: readonly JobEventDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.insert(schema.jobEvents).values(
    drafts.map((event) => ({ shopId, jobId: event.jobId, at: event.at, actor: event.actor, kind: event.kind, fromStage: event.from, toStage: event.to, note: event.note })),
  );
}
