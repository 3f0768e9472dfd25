/** Longest location an operator may type (a shelf, cart or rack name, not a note). */
export const MAX_LOCATION_LENGTH = 80;

/**
 * Where a piece physically is, as typed on the shop floor: trimmed, inner whitespace
 * collapsed, blank meaning "nowhere in particular" (null). Too long or with control
 * characters is refused with the reason, so a scanner's stray bytes never become a shelf.
 */
export function cleanLocation(raw: string | null | undefined): { ok: true; location: string | null } | { ok: false; problem: string } {
  const location = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (location === '') return { ok: true, location: null };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(location)) return { ok: false, problem: 'location: control characters are not allowed' };
  const length = Array.from(location).length;
  if (length > MAX_LOCATION_LENGTH) return { ok: false, problem: `location: at most ${MAX_LOCATION_LENGTH} characters (got ${length})` };
  return { ok: true, location };
}
