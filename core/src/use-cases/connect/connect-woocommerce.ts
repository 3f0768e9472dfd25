import { randomBytes } from 'node:crypto';
import { parseWooCommerceKeyCallback, wooCommerceAuthorizeUrl, type ShopConnection } from '@pressline/connectors';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError, UnauthenticatedError } from '../../errors.ts';
import { normaliseShopDomain } from '../shops/add-shop.ts';
import { connectShop } from '../shops/connect-shop.ts';
import { webhookUrl } from '../shops/webhook-url.ts';

const CALLBACK_PATH = '/connect/woocommerce/callback';
/** How long a merchant has to approve the keys on their site. */
const STATE_LIFETIME_MS = 30 * 60 * 1000;

/**
 * Step one: the URL where the merchant approves Pressline's access on their own site.
 * The state WooCommerce hands back (its `user_id`) is sealed, so nobody can forge a
 * callback for a site they do not own or replay one after it expired.
 */
export function startWooCommerceConnect(deps: Pick<CoreDeps, 'secrets' | 'clock' | 'publicUrl'>, input: { siteUrl: string; returnUrl?: string }): { authorizeUrl: string } {
  const siteUrl = input.siteUrl.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(siteUrl)) throw new BadRequestError(`"${input.siteUrl}" is not a site URL`);
  const state = deps.secrets.seal(JSON.stringify({ siteUrl, expiresAt: deps.clock().getTime() + STATE_LIFETIME_MS }));
  return {
    authorizeUrl: wooCommerceAuthorizeUrl({
      siteUrl,
      appName: 'Pressline',
      userId: state,
      returnUrl: input.returnUrl ?? `${siteUrl}/wp-admin/admin.php?page=pressline`,
      callbackUrl: new URL(CALLBACK_PATH, deps.publicUrl).toString(),
    }),
  };
}

/**
 * Step two, WooCommerce's callback: keep the keys (sealed) with a fresh webhook secret,
 * register the webhooks, and the shop is live. A site connected before keeps its history.
 */
export async function completeWooCommerceConnect(
  deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock' | 'publicUrl' | 'platformApis'>,
  rawBody: string,
): Promise<{ shopId: string; created: boolean; webhooks: string }> {
  const keys = parseWooCommerceKeyCallback(rawBody);
  if (!keys.ok) throw new BadRequestError(keys.message);
  const state = openState(deps, keys.value.userId);

  const domain = normaliseShopDomain(new URL(state.siteUrl).host);
  const connection: ShopConnection = {
    platform: 'woocommerce',
    siteUrl: state.siteUrl,
    consumerKey: keys.value.consumerKey,
    consumerSecret: keys.value.consumerSecret,
    webhookSecret: randomBytes(24).toString('base64url'),
  };
  const { shopId, created } = await connectShop(deps, { domain, connection });

  const api = deps.platformApis.woocommerce;
  const registered = api?.ensureWebhooks ? await api.ensureWebhooks(connection, { deliveryUrl: webhookUrl(deps.publicUrl, 'woocommerce', shopId) }) : null;
  // The keys are kept either way; the next reconciliation retries the registration.
  const webhooks = !registered ? 'not registered' : registered.ok ? `${registered.value.created + registered.value.reactivated} registered` : `registration failed: ${registered.message}`;
  return { shopId, created, webhooks };
}

function openState(deps: Pick<CoreDeps, 'secrets' | 'clock'>, sealed: string): { siteUrl: string } {
  let state: { siteUrl?: unknown; expiresAt?: unknown };
  try {
    state = JSON.parse(deps.secrets.open(sealed)) as typeof state;
  } catch {
    // Forged or mangled: the callback did not come from a connection we started.
    throw new UnauthenticatedError('This WooCommerce connection was not started here');
  }
  if (typeof state.siteUrl !== 'string' || typeof state.expiresAt !== 'number') throw new UnauthenticatedError('This WooCommerce connection was not started here');
  if (state.expiresAt < deps.clock().getTime()) throw new UnauthenticatedError('This WooCommerce connection expired; start it again');
  return { siteUrl: state.siteUrl };
}
