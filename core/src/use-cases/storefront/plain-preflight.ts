import type { JobFileView } from '../preflight/job-file-reads.ts';

/** A file's check result as a customer reads it: one state and the problems in plain words. */
export interface PlainPreflight {
  state: 'checking' | 'ok' | 'warnings' | 'problems';
  summary: string;
  problems: { message: string; fix: string | null }[];
}

export function plainPreflight(view: Pick<JobFileView, 'file' | 'report'>): PlainPreflight {
  const { report } = view;
  if (!report) {
    if (view.file.status === 'unavailable') return { state: 'problems', summary: 'We could not get this file.', problems: [{ message: view.file.failure ?? 'The file is missing.', fix: 'Upload it again.' }] };
    return { state: 'checking', summary: 'We are checking your file…', problems: [] };
  }
  const words = (findings: typeof report.errors) => findings.map((finding) => ({ message: finding.message, fix: finding.fix ?? null }));
  if (report.errors.length > 0) {
    return { state: 'problems', summary: `Your file has ${count(report.errors.length, 'problem')} to fix before we can print it.`, problems: words(report.errors) };
  }
  if (report.warnings.length > 0) {
    return { state: 'warnings', summary: `Your file is printable; ${count(report.warnings.length, 'thing')} to look at.`, problems: words(report.warnings) };
  }
  return { state: 'ok', summary: 'Your file is ready to print.', problems: [] };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
