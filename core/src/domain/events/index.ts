export { jobCreatedEvent, jobTransitionEvent, MAX_NOTE_LENGTH, type JobEventDraft } from './job-event.ts';
