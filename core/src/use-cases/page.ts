import { z } from 'zod';
import { BadRequestError } from '../errors.ts';

/** A forward page of a keyset-paginated list. */
export interface Page<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export const MAX_PAGE_SIZE = 100;

/** `first` as asked, capped at MAX_PAGE_SIZE; zero or less is a BAD_REQUEST. */
export function clampPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1) throw new BadRequestError('"first" must be a positive integer');
  return Math.min(first, MAX_PAGE_SIZE);
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * Reads a cursor we minted. Its parts are checked against `shape` before they reach SQL,
 * so a tampered cursor is a BAD_REQUEST, never a database error.
 */
export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // A cursor is opaque to clients; anything we did not mint is simply invalid.
    throw new BadRequestError('Invalid cursor');
  }
  const parsed = shape.safeParse(parts);
  if (!parsed.success) throw new BadRequestError('Invalid cursor');
  return parsed.data;
}

/** Postgres's text form of a timestamptz, as the orders cursor carries it. */
export const pgTimestampText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/);

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
