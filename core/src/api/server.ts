import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { CoreDeps } from '../deps.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { ApiPrincipal } from '../use-cases/api-keys/authenticate-api-key.ts';
import { adminApiRoutes, requireCredential } from './admin-api-routes.ts';
import { adminPages } from './admin-pages.ts';
import { embedOrigin } from '../use-cases/admin-auth/embed-origin.ts';
import { errorBody, httpStatusOf } from './error-mapping.ts';
import { createGraphQLHandler } from './graphql/yoga.ts';
import { webhookHandler } from './webhooks-route.ts';
import { frameAncestors } from './frame-ancestors.ts';
import { installShopify } from '../use-cases/shops/install-shopify.ts';
import { completeWooCommerceConnect } from '../use-cases/connect/connect-woocommerce.ts';
import { MAX_UPLOAD_BYTES } from '../use-cases/preflight/upload-job-file.ts';
import { storefrontRoutes } from './storefront/storefront-routes.ts';
import { widgetsRoute } from './storefront/widgets-route.ts';
import { bearerToken, payloadLimit } from './http-helpers.ts';

export interface ServerOptions {
  log?: (message: string, error?: unknown) => void;
  /** The built admin app (admin-app/dist by default). */
  adminDist?: string;
  /** Where the storefront widget bundle is (default: storefront-widgets/dist). */
  widgetsDir?: string;
}

/** Platforms deliver orders of a few hundred kB at most; anything larger is refused unread. */
const WEBHOOK_BODY_LIMIT = 5 * 1024 * 1024;

/** The HTTP API: webhooks, GraphQL and health, on one port. */
export function createServer(deps: CoreDeps, options: ServerOptions = {}) {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const app = new Hono<{ Variables: { principal: ApiPrincipal } }>();
  const graphql = createGraphQLHandler(deps, log);

  app.use('*', frameAncestors({ embedOrigin: (shopId) => embedOrigin(deps, shopId) }));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ ok: true });
    } catch (error) {
      log('readiness check failed', error);
      return c.json({ ok: false }, 503);
    }
  });

  const limit = payloadLimit(WEBHOOK_BODY_LIMIT);
  app.post('/webhooks/shopify', limit, webhookHandler(deps, 'shopify'));
  app.post('/webhooks/woocommerce/:shopId', limit, webhookHandler(deps, 'woocommerce'));
  app.post('/webhooks/odoo/:shopId', limit, webhookHandler(deps, 'odoo'));

  // The embedded app calls this with its App Bridge session token on every load; the
  // first call installs the shop, later ones renew its access.
  app.post('/shopify/install', async (c) => {
    const sessionToken = bearerToken(c.req.header('authorization'));
    if (!sessionToken) throw new UnauthenticatedError('Send the Shopify session token as "Authorization: Bearer <token>"');
    return c.json(await installShopify(deps, { sessionToken }));
  });

  // WooCommerce posts the REST keys the merchant approved (wc-auth key provisioning).
  app.post('/connect/woocommerce/callback', limit, async (c) => c.json(await completeWooCommerceConnect(deps, await c.req.text())));

  // The end customer's API (storefront widgets) and the widget bundle itself.
  app.route('/storefront', storefrontRoutes(deps, options.widgetsDir));
  app.get('/widgets/:file', widgetsRoute(options.widgetsDir));

  // Uploads (uploadJobFile) come through GraphQL as multipart requests.
  app.use('/graphql', payloadLimit(MAX_UPLOAD_BYTES + 1024 * 1024, `Files are limited to ${MAX_UPLOAD_BYTES / 1048576} MB`));
  app.use('/graphql', requireCredential(deps));
  app.on(['GET', 'POST'], '/graphql', (c) => graphql.fetch(c.req.raw, { principal: c.get('principal') }));

  app.route('/api', adminApiRoutes(deps));
  app.route('/', adminPages({ ...(options.adminDist ? { distDir: options.adminDist } : {}), ...(deps.shopifyAuth ? { shopifyApiKey: deps.shopifyAuth.apiKey } : {}) }));

  app.onError((error, c) => {
    const status = httpStatusOf(error);
    if (status === 500) log(`${c.req.method} ${c.req.path} failed`, error);
    return c.json(errorBody(error), status);
  });
  return app;
}
