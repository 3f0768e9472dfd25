import type { ShopConnection } from '@pressline/connectors';
import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { loadShopCredentials, saveShopConnection } from './shop-connection.ts';

/** Renew a token this long before it runs out, so no call starts with a dying token. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/**
 * The shop's connection, ready to use: an expiring Shopify token close to its end is
 * renewed (outside any transaction) and the new one kept before it is handed out.
 */
export async function freshShopConnection(deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock' | 'shopifyAuth'>, shopId: string): Promise<ShopConnection | null> {
  const stored = await withShop(deps.db, shopId, (tx) => loadShopCredentials(tx, deps.secrets, shopId));
  if (!stored) return null;
  const { connection, expiresAt } = stored;
  const now = deps.clock();
  if (connection.platform !== 'shopify' || !expiresAt || expiresAt.getTime() - now.getTime() > RENEW_BEFORE_MS) return connection;
  if (!connection.refreshToken || !deps.shopifyAuth) return connection;

  const renewed = await deps.shopifyAuth.refresh(connection.shopDomain, connection.refreshToken);
  // A failed renewal leaves the old token; the platform call will say whether it still works.
  if (!renewed.ok) return connection;
  const next: ShopConnection = { platform: 'shopify', shopDomain: connection.shopDomain, accessToken: renewed.value.accessToken, refreshToken: renewed.value.refreshToken };
  await withShop(deps.db, shopId, (tx) =>
    saveShopConnection(tx, deps.secrets, { shopId, connection: next, expiresAt: renewed.value.expiresAt ? new Date(renewed.value.expiresAt) : null, at: now }),
  );
  return next;
}
