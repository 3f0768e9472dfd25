import type { MiddlewareHandler } from 'hono';
import type { CoreDeps } from '../../deps.ts';
import { UnauthenticatedError } from '../../errors.ts';
import { JWT_SHAPE } from '../../security/jwt-shape.ts';
import { authenticateAppProxy, authenticateCustomerToken, authenticateShopifySessionToken } from '../../use-cases/storefront/authenticate-customer.ts';
import type { StorefrontCustomer } from '../../use-cases/storefront/storefront-customer.ts';
import { bearerToken } from '../http-helpers.ts';

export type StorefrontEnv = { Variables: { customer: StorefrontCustomer } };

/** Header naming the shop a customer token is presented to (its id or domain). */
export const SHOP_HEADER = 'x-pressline-shop';

/**
 * Who the customer is: a bearer customer token (WooCommerce plugin, Odoo addon) checked
 * against the shop the request names; a bearer Shopify session token (customer account UI
 * extension), whose signed claims name the shop and the customer; else Shopify's app
 * proxy signature. Anything else is 401 before any handler runs.
 */
export function storefrontAuth(deps: CoreDeps): MiddlewareHandler<StorefrontEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const query = new URL(c.req.url).searchParams;
    const shop = c.req.header(SHOP_HEADER);
    if (token && shop) {
      c.set('customer', await authenticateCustomerToken(deps, { shop, token }));
    } else if (token && JWT_SHAPE.test(token)) {
      c.set('customer', await authenticateShopifySessionToken(deps, token));
    } else if (token) {
      throw new UnauthenticatedError(`Name the shop in the ${SHOP_HEADER} header`);
    } else if (query.has('signature')) {
      c.set('customer', await authenticateAppProxy(deps, query));
    } else {
      throw new UnauthenticatedError('Open this page from your account in the shop');
    }
    // Customer data is private to the customer: never cached by the proxy or the browser.
    c.header('cache-control', 'private, no-store');
    await next();
  };
}
