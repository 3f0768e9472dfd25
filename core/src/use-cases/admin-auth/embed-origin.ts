import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { loadShopConnection } from '../shops/shop-connection.ts';

/** The origin of the WordPress site or Odoo server whose backend embeds this shop's admin; null for Shopify or no shop. */
export async function embedOrigin(deps: Pick<CoreDeps, 'db' | 'secrets'>, shopId: string): Promise<string | null> {
  const connection = await withShop(deps.db, shopId, (tx) => loadShopConnection(tx, deps.secrets, shopId)).catch(() => null);
  const url = connection?.platform === 'woocommerce' ? connection.siteUrl : connection?.platform === 'odoo' ? connection.url : null;
  if (!url) return null;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.origin : null;
}
