import { randomBytes, randomUUID } from 'node:crypto';
import { parseWooCommerceKeyCallback, wooCommerceAuthorizeUrl, type ShopConnection } from '@pressline/connectors';
import { resolveShopId, schema, withShop } from '@pressline/db';
import { eq } from 'drizzle-orm';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError, UnauthenticatedError } from '../../errors.ts';
import { normaliseShopDomain } from '../shops/add-shop.ts';
import { saveShopConnection } from '../shops/shop-connection.ts';
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
  const existing = await resolveShopId(deps.db, 'woocommerce', domain);
  const shopId = existing ?? randomUUID();
  const connection: ShopConnection = {
    platform: 'woocommerce',
    siteUrl: state.siteUrl,
    consumerKey: keys.value.consumerKey,
    consumerSecret: keys.value.consumerSecret,
    webhookSecret: randomBytes(24).toString('base64url'),
  };
  const at = deps.clock();
  await withShop(deps.db, shopId, async (tx) => {
    if (existing) await tx.update(schema.shops).set({ uninstalledAt: null, updatedAt: at }).where(eq(schema.shops.id, shopId));
    else await tx.insert(schema.shops).values({ id: shopId, platform: 'woocommerce', domain, name: domain });
    await saveShopConnection(tx, deps.secrets, { shopId, connection, at });
  });

  const api = deps.platformApis.woocommerce;
  const registered = api?.ensureWebhooks ? await api.ensureWebhooks(connection, { deliveryUrl: webhookUrl(deps.publicUrl, 'woocommerce', shopId) }) : null;
  // The keys are kept either way; the next reconciliation retries the registration.
  const webhooks = !registered ? 'not registered' : registered.ok ? `${registered.value.created + registered.value.reactivated} registered` : `registration failed: ${registered.message}`;
  return { shopId, created: !existing, webhooks };
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
