import { describe, expect, it } from 'vitest';
import { asJobId } from '../ids.ts';
import { jobCreatedEvent, jobTransitionEvent, MAX_NOTE_LENGTH } from './job-event.ts';

const jobId = asJobId('job_1');
const at = new Date('2025-03-04T10:00:00Z');

describe('job audit events', () => {
  it('records creation into the initial stage', () => {
    expect(jobCreatedEvent({ jobId, at, actor: 'system:intake', stage: 'received' })).toEqual({
      jobId,
      at,
      actor: 'system:intake',
      kind: 'created',
      from: null,
      to: 'received',
      note: null,
    });
  });

  it('records a transition with a trimmed note', () => {
    expect(
      jobTransitionEvent({ jobId, at, actor: 'operator:7', from: 'ready', to: 'on_hold', note: '  waiting for paper \n' }),
    ).toEqual({ jobId, at, actor: 'operator:7', kind: 'transition', from: 'ready', to: 'on_hold', note: 'waiting for paper' });
  });

  it.each([[''], ['   \n\t'], [null], [undefined]])('stores no note for %j', (note) => {
    expect(jobTransitionEvent({ jobId, at, actor: 'a', from: 'ready', to: 'shipped', note }).note).toBeNull();
  });

  it('caps a long note at 2000 characters without splitting an emoji', () => {
    const note = `${'x'.repeat(MAX_NOTE_LENGTH - 1)}📦 and more`;
    const stored = jobTransitionEvent({ jobId, at, actor: 'a', from: 'ready', to: 'shipped', note }).note ?? '';
    expect(Array.from(stored)).toHaveLength(MAX_NOTE_LENGTH);
    expect(stored.endsWith('📦')).toBe(true);
    expect(jobTransitionEvent({ jobId, at, actor: 'a', from: 'a', to: 'b', note: 'y'.repeat(2000) }).note).toHaveLength(2000);
  });
});
