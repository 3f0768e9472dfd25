import type { JobId } from '../ids.ts';

export const MAX_NOTE_LENGTH = 2000;

/** Moves (`created`, `transition`) and what happened to a job in place (files, preflight, operator schedule changes). */
export type JobEventKind = 'created' | 'transition' | 'file_added' | 'file_replaced' | 'preflight_checked' | 'warning_accepted' | 'schedule_changed' | 'location_changed';

/** An audit event before it is stored; events are append-only once written. */
export interface JobEventDraft {
  jobId: JobId;
  at: Date;
  actor: string;
  kind: JobEventKind;
  from: string | null;
  to: string;
  note: string | null;
}

export function jobCreatedEvent(input: { jobId: JobId; at: Date; actor: string; stage: string }): JobEventDraft {
  return {
    jobId: input.jobId,
    at: input.at,
    actor: input.actor,
    kind: 'created',
    from: null,
    to: input.stage,
    note: null,
  };
}

export function jobTransitionEvent(input: {
  jobId: JobId;
  at: Date;
  actor: string;
  from: string;
  to: string;
  note?: string | null;
}): JobEventDraft {
  return {
    jobId: input.jobId,
    at: input.at,
    actor: input.actor,
    kind: 'transition',
    from: input.from,
    to: input.to,
    note: cleanNote(input.note),
  };
}

function cleanNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed === '') return null;
  // Counted in code points, as Postgres counts text length, so an emoji is never cut in half.
  const codePoints = Array.from(trimmed);
  return codePoints.length <= MAX_NOTE_LENGTH ? trimmed : codePoints.slice(0, MAX_NOTE_LENGTH).join('').trimEnd();
}

/** Something that happened to a job without moving it: `from` and `to` are both its stage. */
export function jobActivityEvent(input: {
  jobId: JobId;
  at: Date;
  actor: string;
  kind: Exclude<JobEventKind, 'created' | 'transition'>;
  stage: string;
  note: string;
}): JobEventDraft {
  return { jobId: input.jobId, at: input.at, actor: input.actor, kind: input.kind, from: input.stage, to: input.stage, note: cleanNote(input.note) };
}
