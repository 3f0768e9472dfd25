import { createHmac, randomBytes } from 'node:crypto';

/** An HS256 JWT, as Shopify signs session tokens with the app's secret. */
export function signJwt(claims: object, secret: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export interface CustomerSessionTokenOptions {
  /** The app's client id and secret the token is for. */
  apiKey: string;
  apiSecretKey: string;
  /** The logged-in customer's numeric id; null for a guest (no `sub`). */
  customerId: string | null;
  /** Defaults to the documented life of a customer account token. */
  expiresInSeconds?: number;
  /** Overrides `aud` (another app's client id). */
  audience?: string;
}

/**
 * The session token `shopify.sessionToken.get()` hands a customer account UI extension:
 * `dest` is the bare shop domain, `sub` the customer's gid when the customer is logged in
 * and the app may read customers; no `iss` (as the docs show the claims).
 */
export function signCustomerSessionToken(shopDomain: string, options: CustomerSessionTokenOptions): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      dest: shopDomain,
      aud: options.audience ?? options.apiKey,
      ...(options.customerId === null ? {} : { sub: `gid://shopify/Customer/${options.customerId}` }),
      exp: now + (options.expiresInSeconds ?? 60),
      nbf: now - 1,
      iat: now,
      jti: randomBytes(8).toString('hex'),
    },
    options.apiSecretKey,
  );
}
