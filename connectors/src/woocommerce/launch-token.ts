import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The tokens the Pressline WordPress plugin (connectors/woocommerce/wordpress-plugin)
 * mints, so the API can trust who opened the embedded admin or a storefront widget:
 *
 *   payload = "<site>|<subject>|<expiry>"        site: home_url() without trailing slash
 *   token   = base64url(payload) "." base64url(HMAC-SHA256(payload, secret))
 *
 * The subject is the WordPress user id for the admin launch, "customer:<id>" for a
 * logged-in customer's widget and "order:<id>" for a guest's widget (the plugin has
 * checked the order key). Expiry is unix seconds; tokens live five minutes.
 */
export type WooCommerceTokenSubject =
  | { kind: 'admin'; userId: string }
  | { kind: 'customer'; customerId: string }
  | { kind: 'guest_order'; orderId: string };

export type WooCommerceTokenResult =
  | { ok: true; site: string; subject: WooCommerceTokenSubject; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'invalid_signature' | 'expired'; message: string };

/** Tolerated clock difference between the WordPress host and Pressline. */
const CLOCK_SKEW_SECONDS = 30;
/** A token claiming a longer life than this was not minted by the plugin. */
const MAX_LIFETIME_SECONDS = 15 * 60;

export function verifyWooCommerceToken(input: { token: string; secret: string; now: Date }): WooCommerceTokenResult {
  const [encodedPayload, encodedSignature, ...rest] = input.token.trim().split('.');
  if (!encodedPayload || !encodedSignature || rest.length > 0) return { ok: false, reason: 'malformed', message: 'not a Pressline token' };
  const payload = Buffer.from(encodedPayload, 'base64url').toString('utf8');
  const expected = createHmac('sha256', input.secret).update(payload, 'utf8').digest();
  const given = Buffer.from(encodedSignature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid_signature', message: 'the token is not signed with this shop\'s secret' };
  }

  const parts = payload.split('|');
  const [site, subjectText, expiryText] = parts;
  if (parts.length !== 3 || !site || !subjectText || !expiryText || !/^\d{1,12}$/.test(expiryText)) {
    return { ok: false, reason: 'malformed', message: 'the token payload is not site|subject|expiry' };
  }
  const subject = subjectOf(subjectText);
  if (subject === null) return { ok: false, reason: 'malformed', message: 'the token names no user, customer or order' };
  const expiry = Number(expiryText);
  const now = Math.floor(input.now.getTime() / 1000);
  if (expiry + CLOCK_SKEW_SECONDS < now) return { ok: false, reason: 'expired', message: 'the token has expired' };
  if (expiry - now > MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'malformed', message: 'the token claims too long a life' };
  return { ok: true, site, subject, expiresAt: new Date(expiry * 1000) };
}

/** Mints a token as the plugin does: for tests and the demo storefront. */
export function signWooCommerceToken(input: { site: string; subject: WooCommerceTokenSubject; secret: string; expiresAt: Date }): string {
  const subject =
    input.subject.kind === 'admin' ? input.subject.userId : input.subject.kind === 'customer' ? `customer:${input.subject.customerId}` : `order:${input.subject.orderId}`;
  const payload = `${input.site.replace(/\/+$/, '')}|${subject}|${Math.floor(input.expiresAt.getTime() / 1000)}`;
  const signature = createHmac('sha256', input.secret).update(payload, 'utf8').digest('base64url');
  return `${Buffer.from(payload, 'utf8').toString('base64url')}.${signature}`;
}

function subjectOf(text: string): WooCommerceTokenSubject | null {
  let match: RegExpExecArray | null;
  if (/^[1-9]\d{0,19}$/.test(text)) return { kind: 'admin', userId: text };
  if ((match = /^customer:([1-9]\d{0,19})$/.exec(text))) return { kind: 'customer', customerId: match[1]! };
  if ((match = /^order:([1-9]\d{0,19})$/.exec(text))) return { kind: 'guest_order', orderId: match[1]! };
  return null;
}
