import { verifyOdooLaunchToken, verifyWooCommerceToken } from '@pressline/connectors';
import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { UnauthenticatedError } from '../../errors.ts';
import { loadShopConnection } from '../shops/shop-connection.ts';
import { ADMIN_SESSION_HOURS, sealAdminSession } from './admin-session.ts';

const SHOP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The WordPress plugin or the Odoo addon opened the admin with a launch token signed by
 * the shop's webhook secret: verify it against that shop's connection and hand back an
 * admin session. The shop id travels beside the token because the token names only the
 * site (Woo) or database (Odoo).
 */
export async function exchangeLaunchToken(deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock'>, input: { shopId: string; token: string }): Promise<{ session: string; expiresAt: Date; shopId: string }> {
  if (!SHOP_ID.test(input.shopId)) throw new UnauthenticatedError('Unknown shop');
  const connection = await withShop(deps.db, input.shopId, (tx) => loadShopConnection(tx, deps.secrets, input.shopId));
  const now = deps.clock();
  let actor: string | null = null;
  if (connection?.platform === 'woocommerce') {
    const result = verifyWooCommerceToken({ token: input.token, secret: connection.webhookSecret, now });
    if (result.ok && result.subject.kind === 'admin' && result.site === connection.siteUrl.replace(/\/+$/, '')) actor = `wordpress-user:${result.subject.userId}`;
  } else if (connection?.platform === 'odoo') {
    const result = verifyOdooLaunchToken(input.token, { secret: connection.webhookSecret, database: connection.database, now: () => now.getTime() });
    if (result.ok) actor = `odoo-user:${result.value.uid}`;
  }
  if (!actor) throw new UnauthenticatedError('The launch token is not valid for this shop');
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_HOURS * 3600_000);
  return { session: sealAdminSession(deps.secrets, { shopId: input.shopId, actor }, expiresAt), expiresAt, shopId: input.shopId };
}
