import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';

/** Where `pnpm --filter @pressline/admin-app build` writes the bundle. */
export const DEFAULT_ADMIN_DIST = fileURLToPath(new URL('../../../admin-app/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The pages load only our own bundle and talk only to this API. App Bridge comes from
 * Shopify's CDN when embedded; frame-ancestors is added by the frameAncestors middleware.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://cdn.shopify.com",
  "style-src 'self' 'unsafe-inline' https://cdn.shopify.com",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const APP_BRIDGE = 'https://cdn.shopify.com/shopifycloud/app-bridge.js';
const CLIENT_ID = /^[\w-]{1,100}$/;

export interface AdminPagesOptions {
  distDir?: string;
  /** The Shopify app's client id; with it, pages opened inside Shopify admin load App Bridge. */
  shopifyApiKey?: string;
}

/**
 * Inside Shopify admin (Shopify adds `shop` and `host` to the URL) the page loads App
 * Bridge, which gives the bundle `window.shopify.idToken()` for session tokens.
 */
function withAppBridge(html: string, apiKey: string): string {
  return html.replace('<head>', `<head>\n    <meta name="shopify-api-key" content="${apiKey}" />\n    <script src="${APP_BRIDGE}"></script>`);
}

/** `/app` (merchant admin) and `/ops` (operator queue) are one single-page bundle; its router picks the page. */
export function adminPages(options: AdminPagesOptions = {}): Hono {
  const distDir = options.distDir ?? DEFAULT_ADMIN_DIST;
  const app = new Hono();
  const page = async (c: Context) => {
    const built = await readFile(join(distDir, 'index.html'), 'utf8').catch(() => null);
    if (built === null) return new Response('The admin app is not built: run pnpm --filter @pressline/admin-app build', { status: 503, headers: { 'content-type': 'text/plain' } });
    const embedded = c.req.query('shop') !== undefined && c.req.query('host') !== undefined;
    const html = embedded && options.shopifyApiKey && CLIENT_ID.test(options.shopifyApiKey) ? withAppBridge(built, options.shopifyApiKey) : built;
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' } });
  };
  for (const path of ['/app', '/app/*', '/ops', '/ops/*']) app.get(path, page);

  app.get('/admin/assets/:name', async (c) => {
    const assets = join(distDir, 'assets');
    const file = normalize(join(assets, c.req.param('name')));
    if (!file.startsWith(assets + sep)) return c.notFound();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return c.notFound();
    // Vite puts a content hash in every asset name: cache them for good.
    return c.body(new Uint8Array(await readFile(file)), 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' });
  });
  return app;
}
