import { RequestedTokenType } from '@shopify/shopify-api';
import type { ConnectorResult } from '../../contract.ts';
import { legacyIdOf } from '../admin/gid.ts';
import { createShopifyClient, type ShopifyAppConfig } from '../shopify-client.ts';

/** What Shopify grants an installed app: an expiring offline token and the refresh token that renews it. */
export interface ShopifyGrant {
  shopDomain: string;
  accessToken: string;
  /** ISO time; null for a non-expiring token. */
  expiresAt: string | null;
  refreshToken: string | null;
  refreshExpiresAt: string | null;
}

export interface ShopifyAuth {
  /** The app's client id: public, App Bridge reads it from the embedded page. */
  readonly apiKey: string;
  /** Verifies an App Bridge session token (signature, audience, expiry) and names its shop; nothing leaves for Shopify. */
  verifySessionToken(sessionToken: string): Promise<ConnectorResult<{ shopDomain: string }>>;
  /**
   * Verifies a customer account (or checkout) UI extension's session token the same way and
   * names its shop (`dest`) and, when the customer is logged in and the app may read
   * customers, the customer's numeric id (from the `sub` gid); null for a guest.
   */
  verifyCustomerSessionToken(sessionToken: string): Promise<ConnectorResult<{ shopDomain: string; customerId: string | null }>>;
  /** Verifies an App Bridge session token and exchanges it for an expiring offline token. */
  exchangeSessionToken(sessionToken: string): Promise<ConnectorResult<ShopifyGrant>>;
  /** Renews an expiring offline token before it runs out. */
  refresh(shopDomain: string, refreshToken: string): Promise<ConnectorResult<ShopifyGrant>>;
}

/**
 * Token exchange (Shopify-managed install) with expiring offline tokens, which public
 * apps must use since 2026-04-01. The SDK verifies the session token (HS256 with the app
 * secret, audience = API key) before anything leaves for Shopify.
 */
export function createShopifyAuth(config: ShopifyAppConfig): ShopifyAuth {
  const shopify = createShopifyClient(config);
  return {
    apiKey: config.apiKey,
    async verifySessionToken(sessionToken) {
      try {
        const payload = await shopify.session.decodeSessionToken(sessionToken);
        return { ok: true, value: { shopDomain: new URL(payload.dest).host.toLowerCase() } };
      } catch {
        // The SDK's message quotes the token; it must not reach logs or the caller.
        return { ok: false, reason: 'unauthorized', message: 'the session token is not valid for this app' };
      }
    },
    async verifyCustomerSessionToken(sessionToken) {
      try {
        const payload = await shopify.session.decodeSessionToken(sessionToken);
        const shopDomain = shopDomainOf(payload.dest);
        // jose checks exp only when present: a token without one would never expire.
        if (typeof payload.exp !== 'number' || !shopDomain) throw new Error('incomplete token');
        return { ok: true, value: { shopDomain, customerId: typeof payload.sub === 'string' ? legacyIdOf(payload.sub, 'Customer') : null } };
      } catch {
        // The SDK's message quotes the token; it must not reach logs or the caller.
        return { ok: false, reason: 'unauthorized', message: 'the session token is not valid for this app' };
      }
    },
    async exchangeSessionToken(sessionToken) {
      let shopDomain: string;
      try {
        const payload = await shopify.session.decodeSessionToken(sessionToken);
        shopDomain = new URL(payload.dest).host.toLowerCase();
      } catch {
        // The SDK's message quotes the token; it must not reach logs or the caller.
        return { ok: false, reason: 'unauthorized', message: 'the session token is not valid for this app' };
      }
      return grantFrom(shopDomain, () =>
        shopify.auth.tokenExchange({ shop: shopDomain, sessionToken, requestedTokenType: RequestedTokenType.OfflineAccessToken, expiring: true }),
      );
    },
    refresh(shopDomain, refreshToken) {
      return grantFrom(shopDomain, () => shopify.auth.refreshToken({ shop: shopDomain, refreshToken }));
    },
  };
}

/**
 * The shop a session token is for: App Bridge writes `dest` as "https://shop.myshopify.com",
 * UI extensions as "shop.myshopify.com".
 */
function shopDomainOf(dest: unknown): string | null {
  if (typeof dest !== 'string') return null;
  const host = (dest.includes('://') ? new URL(dest).host : dest).toLowerCase();
  return /^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/.test(host) ? host : null;
}

async function grantFrom(
  shopDomain: string,
  call: () => Promise<{ session: { accessToken?: string; expires?: Date; refreshToken?: string; refreshTokenExpires?: Date } }>,
): Promise<ConnectorResult<ShopifyGrant>> {
  try {
    const { session } = await call();
    if (!session.accessToken) return { ok: false, reason: 'rejected', message: 'Shopify granted no access token' };
    return {
      ok: true,
      value: {
        shopDomain,
        accessToken: session.accessToken,
        expiresAt: session.expires?.toISOString() ?? null,
        refreshToken: session.refreshToken ?? null,
        refreshExpiresAt: session.refreshTokenExpires?.toISOString() ?? null,
      },
    };
  } catch (error) {
    const status = (error as { response?: { code?: number } }).response?.code;
    if (status === 400 || status === 401 || status === 403) return { ok: false, reason: 'unauthorized', message: `Shopify refused the grant (${status})` };
    return { ok: false, reason: 'unavailable', message: 'Shopify could not be reached for the grant' };
  }
}
