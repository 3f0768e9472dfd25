import type { CoreDeps } from '../../deps.ts';
import { PresslineError, UnauthenticatedError } from '../../errors.ts';
import { connectShop } from './connect-shop.ts';

/**
 * Shopify-managed install: the embedded app sends its session token, Pressline exchanges
 * it for an expiring offline token and keeps it (sealed). A new shop becomes a tenant; a
 * shop that uninstalled and came back is reinstated with its history.
 */
export async function installShopify(deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock' | 'shopifyAuth'>, input: { sessionToken: string }): Promise<{ shopId: string; shopDomain: string; created: boolean }> {
  if (!deps.shopifyAuth) throw new PresslineError('BAD_REQUEST', 'This Pressline has no Shopify app configured');
  const grant = await deps.shopifyAuth.exchangeSessionToken(input.sessionToken);
  if (!grant.ok) {
    if (grant.reason === 'unauthorized') throw new UnauthenticatedError('The Shopify session token is not valid');
    throw new Error(`Shopify token exchange failed (${grant.reason}): ${grant.message}`);
  }
  const { shopDomain } = grant.value;
  const connected = await connectShop(deps, {
    domain: shopDomain,
    connection: { platform: 'shopify', shopDomain, accessToken: grant.value.accessToken, refreshToken: grant.value.refreshToken },
    expiresAt: grant.value.expiresAt ? new Date(grant.value.expiresAt) : null,
  });
  return { ...connected, shopDomain };
}
