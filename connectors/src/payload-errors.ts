import type { z } from 'zod';
import type { ParseResult } from './contract.ts';

export type Malformed = Extract<ParseResult<never>, { ok: false }>;

export function malformed(message: string): Malformed {
  return { ok: false, reason: 'malformed_payload', message };
}

/** JSON.parse whose failure says only that the body is not JSON (the parser's message may quote it). */
export function readJson(rawBody: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(rawBody) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return malformed('body is not valid JSON');
  }
}

/**
 * A short, safe account of what is wrong with a payload: the fields that make it what it
 * is (`identifying`) first, at most three, never the values themselves.
 */
export function describeIssues(what: string, issues: readonly z.core.$ZodIssue[], identifying: ReadonlySet<PropertyKey>): string {
  const ranked = [...issues].sort((a, b) => Number(!identifying.has(a.path[0] ?? '')) - Number(!identifying.has(b.path[0] ?? '')));
  const shown = ranked.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return `not a ${what}: ${shown.join('; ')}${more}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'body';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
