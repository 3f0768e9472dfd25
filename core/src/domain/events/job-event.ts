import type { JobId } from '../ids.ts';

export const MAX_NOTE_LENGTH = 2000;

/** An audit event before it is stored; events are append-only once written. */
export interface JobEventDraft {
  jobId: JobId;
  at: Date;
  actor: string;
  kind: 'created' | 'transition';
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
