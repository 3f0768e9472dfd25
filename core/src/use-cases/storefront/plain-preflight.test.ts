import { describe, expect, it } from 'vitest';
import type { FileRow } from '../preflight/job-file-reads.ts';
import { plainPreflight } from './plain-preflight.ts';

const file = (status: FileRow['status'], failure: string | null = null) => ({ status, failure }) as FileRow;
const finding = (severity: 'error' | 'warning', message: string, fix?: string) => ({ code: `x.${message}`, severity, message, ...(fix ? { fix } : {}) });
const report = (errors: ReturnType<typeof finding>[], warnings: ReturnType<typeof finding>[]) =>
  ({ ok: errors.length === 0, status: 'passed', kind: 'pdf', errors, warnings, infos: [], accepted: [], facts: null, checkedAt: new Date(), profileId: null }) as never;

describe('the preflight result as a customer reads it', () => {
  it('says "checking" until a report exists, and why a linked file could not be read', () => {
    expect(plainPreflight({ file: file('stored'), report: null })).toEqual({ state: 'checking', summary: 'We are checking your file…', problems: [] });
    expect(plainPreflight({ file: file('unavailable', 'The link answered HTTP 404.'), report: null })).toMatchObject({ state: 'problems', problems: [{ message: 'The link answered HTTP 404.' }] });
  });

  it('counts errors before warnings and passes on each finding’s own fix', () => {
    const failed = plainPreflight({ file: file('stored'), report: report([finding('error', 'No bleed', 'Extend the background 3 mm')], [finding('warning', 'RGB')]) });
    expect(failed).toEqual({ state: 'problems', summary: 'Your file has 1 problem to fix before we can print it.', problems: [{ message: 'No bleed', fix: 'Extend the background 3 mm' }] });
    const warned = plainPreflight({ file: file('stored'), report: report([], [finding('warning', 'RGB'), finding('warning', 'Low resolution')]) });
    expect(warned).toMatchObject({ state: 'warnings', summary: 'Your file is printable; 2 things to look at.' });
    expect(plainPreflight({ file: file('stored'), report: report([], []) }).state).toBe('ok');
  });
});
