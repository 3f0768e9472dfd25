export { jobActivityEvent, jobCreatedEvent, jobTransitionEvent, MAX_NOTE_LENGTH, type JobEventDraft, type JobEventKind } from './job-event.ts';
