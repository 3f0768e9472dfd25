import { verifyWooCommerceToken, type ShopConnection } from '@pressline/connectors';
import { resolveShopId, schema, withShop } from '@pressline/db';
import { eq } from 'drizzle-orm';
import type { CoreDeps } from '../../deps.ts';
import { UnauthenticatedError } from '../../errors.ts';
import { verifyAppProxySignature } from '../../security/app-proxy-signature.ts';
import { findShopId, normaliseShopDomain } from '../shops/add-shop.ts';
import { loadShopConnection } from '../shops/shop-connection.ts';
import type { StorefrontCustomer } from './storefront-customer.ts';

/** Shopify signs each proxied request as it forwards it; an older signed URL is a replay. */
const APP_PROXY_MAX_AGE_SECONDS = 10 * 60;

/**
 * A request through Shopify's app proxy: its signature (and its freshness) is checked
 * before `shop` or `logged_in_customer_id` is read. A visitor who is not logged in has no
 * orders to see.
 */
export async function authenticateAppProxy(deps: Pick<CoreDeps, 'db' | 'shopifyAppSecret' | 'clock'>, query: URLSearchParams): Promise<StorefrontCustomer> {
  if (!deps.shopifyAppSecret) throw new UnauthenticatedError('This Pressline has no Shopify app configured');
  if (!verifyAppProxySignature(query, deps.shopifyAppSecret)) throw new UnauthenticatedError('The app proxy signature does not match');
  const timestamp = Number(query.get('timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(deps.clock().getTime() / 1000 - timestamp) > APP_PROXY_MAX_AGE_SECONDS) {
    throw new UnauthenticatedError('The app proxy request has expired; reload the page');
  }
  const shop = query.get('shop');
  const customerId = query.get('logged_in_customer_id');
  if (!shop || !customerId || !/^\d{1,20}$/.test(customerId)) throw new UnauthenticatedError('Log in to see your orders');
  const shopId = await resolveShopId(deps.db, 'shopify', normaliseShopDomain(shop));
  if (!shopId) throw new UnauthenticatedError('This shop does not use Pressline');
  return { kind: 'customer', shopId, platform: 'shopify', customerExternalId: customerId };
}

/**
 * A Shopify customer account UI extension's session token (`shopify.sessionToken.get()`):
 * an HS256 JWT signed with the app secret for this app (aud), unexpired, for a shop that
 * has Pressline installed (dest), naming a logged-in customer (sub). The shop and the
 * customer come from the signed claims only, so a token can never reach another shop.
 */
export async function authenticateShopifySessionToken(deps: Pick<CoreDeps, 'db' | 'shopifyAuth'>, token: string): Promise<StorefrontCustomer> {
  if (!deps.shopifyAuth) throw new UnauthenticatedError('This Pressline has no Shopify app configured');
  const verified = await deps.shopifyAuth.verifyCustomerSessionToken(token);
  if (!verified.ok) throw new UnauthenticatedError('The Shopify session token is not valid');
  const { shopDomain, customerId } = verified.value;
  const shopId = await resolveShopId(deps.db, 'shopify', shopDomain);
  const installed =
    shopId && (await withShop(deps.db, shopId, (tx) => tx.select({ uninstalledAt: schema.shops.uninstalledAt }).from(schema.shops).where(eq(schema.shops.id, shopId))));
  if (!shopId || !installed || installed[0]?.uninstalledAt !== null) throw new UnauthenticatedError('This shop does not use Pressline');
  if (!customerId) throw new UnauthenticatedError('Log in to see your orders');
  return { kind: 'customer', shopId, platform: 'shopify', customerExternalId: customerId };
}

/**
 * A customer token minted by the WordPress plugin or the Odoo addon for the shop the
 * request names (`shop`: id or domain). It is checked with that shop's own secret and
 * must name that shop's site, so a token of shop A presented to shop B is refused.
 */
export async function authenticateCustomerToken(deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock'>, input: { shop: string; token: string }): Promise<StorefrontCustomer> {
  const shopId = await findShopId(deps, input.shop).catch(() => null);
  if (!shopId) throw new UnauthenticatedError('Unknown shop');
  const connection = await withShop(deps.db, shopId, (tx) => loadShopConnection(tx, deps.secrets, shopId));
  const signer = connection ? tokenSigner(connection) : null;
  if (!connection || !signer) throw new UnauthenticatedError('This shop does not sign customer tokens');
  const verified = verifyWooCommerceToken({ token: input.token, secret: signer.secret, now: deps.clock() });
  if (!verified.ok) throw new UnauthenticatedError(`The customer token is refused: ${verified.message}`);
  if (verified.site.replace(/\/+$/, '') !== signer.site) throw new UnauthenticatedError('The customer token is for another shop');
  const { subject } = verified;
  if (subject.kind === 'customer') return { kind: 'customer', shopId, platform: connection.platform, customerExternalId: subject.customerId };
  if (subject.kind === 'guest_order') return { kind: 'guest_order', shopId, platform: connection.platform, orderExternalId: subject.orderId };
  throw new UnauthenticatedError('An admin launch token is no customer token');
}

/**
 * The site a shop's customer tokens name (the WordPress home URL, or the Odoo URL) and
 * the secret shared with the plugin or addon that signs them (the shop's webhook secret).
 */
function tokenSigner(connection: ShopConnection): { site: string; secret: string } | null {
  if (connection.platform === 'woocommerce') return { site: connection.siteUrl.replace(/\/+$/, ''), secret: connection.webhookSecret };
  if (connection.platform === 'odoo') return { site: connection.url.replace(/\/+$/, ''), secret: connection.webhookSecret };
  return null;
}
