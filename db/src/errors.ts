/** True for Postgres `unique_violation` (23505), optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const cause = (error as { cause?: unknown }).cause;
  const pg = (cause && typeof cause === 'object' ? cause : error) as { code?: string; constraint_name?: string };
  return pg.code === '23505' && (constraint === undefined || pg.constraint_name === constraint);
}
