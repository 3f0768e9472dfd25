import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { resolveShopId, schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { PresslineError, UnauthenticatedError } from '../../errors.ts';
import { saveShopConnection } from './shop-connection.ts';

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
  const existing = await resolveShopId(deps.db, 'shopify', shopDomain);
  const shopId = existing ?? randomUUID();
  const at = deps.clock();
  await withShop(deps.db, shopId, async (tx) => {
    if (existing) await tx.update(schema.shops).set({ uninstalledAt: null, updatedAt: at }).where(eq(schema.shops.id, shopId));
    else await tx.insert(schema.shops).values({ id: shopId, platform: 'shopify', domain: shopDomain, name: shopDomain });
    await saveShopConnection(tx, deps.secrets, {
      shopId,
      connection: { platform: 'shopify', shopDomain, accessToken: grant.value.accessToken, refreshToken: grant.value.refreshToken },
      expiresAt: grant.value.expiresAt ? new Date(grant.value.expiresAt) : null,
      at,
    });
  });
  return { shopId, shopDomain, created: !existing };
}
