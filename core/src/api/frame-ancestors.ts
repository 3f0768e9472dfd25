import type { MiddlewareHandler } from 'hono';

const SHOPIFY_SHOP = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * Every HTML page says who may frame it: the shop's own Shopify admin (Shopify's app
 * review rejects apps that do not), or nobody. The shop comes from the `shop` query
 * parameter Shopify adds to embedded app URLs; a value that is not a shop domain frames
 * nothing. WooCommerce and Odoo embeds add their origins here when their pages arrive.
 */
export function frameAncestors(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    const shop = c.req.query('shop')?.toLowerCase();
    const ancestors = shop && SHOPIFY_SHOP.test(shop) ? `https://${shop} https://admin.shopify.com` : "'none'";
    // A page's own policy (scripts, connections) is kept; frame-ancestors is added to it.
    const own = c.res.headers.get('Content-Security-Policy');
    c.res.headers.set('Content-Security-Policy', own ? `${own}; frame-ancestors ${ancestors};` : `frame-ancestors ${ancestors};`);
  };
}
