import type { SecretBox } from '../../security/secret-box.ts';
import type { ApiPrincipal } from '../api-keys/authenticate-api-key.ts';

/**
 * A Pressline admin session: what a launch token (WordPress plugin, Odoo addon) is
 * exchanged for, so the admin keeps working after the five-minute launch token expires.
 * It is sealed with the server's secret box (AES-GCM), so it can be neither read nor
 * forged, and any API replica sharing PRESSLINE_SECRET_KEY accepts it.
 */
const PREFIX = 'ps1.';
export const ADMIN_SESSION_HOURS = 8;

export function sealAdminSession(secrets: SecretBox, principal: ApiPrincipal, expiresAt: Date): string {
  return PREFIX + secrets.seal(JSON.stringify({ shopId: principal.shopId, actor: principal.actor, exp: expiresAt.getTime() }));
}

export function isAdminSession(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** The session's principal, or null when it is forged, garbled or expired. */
export function openAdminSession(secrets: SecretBox, token: string, now: Date): ApiPrincipal | null {
  if (!isAdminSession(token)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(secrets.open(token.slice(PREFIX.length)));
  } catch {
    // Tampered or foreign: the caller answers 401, nothing to log.
    return null;
  }
  const value = parsed as { shopId?: unknown; actor?: unknown; exp?: unknown };
  if (typeof value.shopId !== 'string' || typeof value.actor !== 'string' || typeof value.exp !== 'number') return null;
  if (value.exp <= now.getTime()) return null;
  return { shopId: value.shopId, actor: value.actor };
}
