import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The launch token the Pressline addon's `/pressline/launch_token` route signs when a user
 * opens Pressline inside the Odoo backend: `base64url("db|uid|expiry") + "." +
 * base64url(HMAC-SHA256(webhookSecret, "db|uid|expiry"))`, expiry in Unix seconds, five
 * minutes ahead. It proves "an internal user of this Odoo database opened the app" and
 * is exchanged for a Pressline session; it is no Odoo credential.
 */
export interface OdooLaunch {
  database: string;
  /** The Odoo user (res.users id) who opened the app. */
  uid: string;
  expiresAt: string;
}

export type OdooLaunchTokenResult =
  | { ok: true; value: OdooLaunch }
  | { ok: false; reason: 'malformed' | 'invalid_signature' | 'expired' | 'wrong_database'; message: string };

/** Tokens claiming to live longer than this were not made by the addon. */
const MAX_LIFETIME_SECONDS = 15 * 60;

export function verifyOdooLaunchToken(token: string, expected: { secret: string; database: string; now?: () => number }): OdooLaunchTokenResult {
  const [encodedPayload, encodedSignature, extra] = token.split('.');
  if (!encodedPayload || !encodedSignature || extra !== undefined) return { ok: false, reason: 'malformed', message: 'the launch token is not payload.signature' };
  const payload = Buffer.from(encodedPayload, 'base64url').toString('utf8');
  const match = /^([^|]+)\|(\d{1,15})\|(\d{1,12})$/.exec(payload);
  if (!match) return { ok: false, reason: 'malformed', message: 'the launch token payload is not db|uid|expiry' };

  const signature = Buffer.from(encodedSignature, 'base64url');
  const wanted = sign(expected.secret, payload);
  if (signature.length !== wanted.length || !timingSafeEqual(signature, wanted)) {
    return { ok: false, reason: 'invalid_signature', message: "the launch token is not signed with the shop's secret" };
  }
  const [, database = '', uid = '', expiryText = ''] = match;
  if (database !== expected.database) return { ok: false, reason: 'wrong_database', message: `the launch token is for database "${database}"` };
  const nowSeconds = Math.floor((expected.now ?? Date.now)() / 1000);
  const expiry = Number(expiryText);
  if (expiry <= nowSeconds) return { ok: false, reason: 'expired', message: 'the launch token has expired' };
  if (expiry - nowSeconds > MAX_LIFETIME_SECONDS) return { ok: false, reason: 'expired', message: 'the launch token claims too long a lifetime' };
  return { ok: true, value: { database, uid, expiresAt: new Date(expiry * 1000).toISOString() } };
}

/** Signs a token as the addon does; for tests and the demo. */
export function signOdooLaunchToken(options: { secret: string; database: string; uid: number | string; expiresAtSeconds: number }): string {
  const payload = `${options.database}|${options.uid}|${options.expiresAtSeconds}`;
  return `${Buffer.from(payload, 'utf8').toString('base64url')}.${sign(options.secret, payload).toString('base64url')}`;
}

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload, 'utf8').digest();
}
