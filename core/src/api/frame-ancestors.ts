import type { MiddlewareHandler } from 'hono';

const SHOPIFY_SHOP = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const SHOP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FrameAncestorsOptions {
  /** The WordPress site or Odoo server that embeds this shop's admin (its connection's origin), or null. */
  embedOrigin?: (shopId: string) => Promise<string | null>;
}

/**
 * Every HTML page says who may frame it: the shop's own Shopify admin (Shopify's app
 * review rejects apps that do not), the shop's own WordPress or Odoo (their plugin and
 * addon open the admin with `?shopId=`), or nobody. The Shopify shop comes from the
 * `shop` query parameter Shopify adds to embedded app URLs; a value that is not a shop
 * domain frames nothing, and neither does an unknown shop id.
 */
export function frameAncestors(options: FrameAncestorsOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    const sources: string[] = [];
    const shop = c.req.query('shop')?.toLowerCase();
    if (shop && SHOPIFY_SHOP.test(shop)) sources.push(`https://${shop}`, 'https://admin.shopify.com');
    const shopId = c.req.query('shopId');
    if (shopId && SHOP_ID.test(shopId) && options.embedOrigin) {
      const origin = await options.embedOrigin(shopId);
      if (origin) sources.push(origin);
    }
    const ancestors = sources.length > 0 ? sources.join(' ') : "'none'";
    // A page's own policy (scripts, connections) is kept; frame-ancestors is added to it.
    const own = c.res.headers.get('Content-Security-Policy');
    c.res.headers.set('Content-Security-Policy', own ? `${own}; frame-ancestors ${ancestors};` : `frame-ancestors ${ancestors};`);
  };
}
