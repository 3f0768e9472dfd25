import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handler } from 'hono';

/** Where `storefront-widgets` writes its bundle (built by its build script). */
export const DEFAULT_WIDGETS_DIR = fileURLToPath(new URL('../../../../storefront-widgets/dist/', import.meta.url));

/**
 * Serves the widget bundle at `/widgets/<name>.js`. Any page embeds it (storefront themes,
 * WordPress, Odoo portal), so it is public and allowed cross-origin; only plain names of
 * built files are served.
 */
export function widgetsRoute(dir: string = DEFAULT_WIDGETS_DIR): Handler {
  return async (c) => {
    const name = c.req.param('file') ?? '';
    if (!/^[a-z0-9-]{1,40}\.js$/.test(name)) return c.json({ error: { code: 'NOT_FOUND', message: 'No such widget' } }, 404);
    const source = await readFile(join(dir, name)).catch(() => null);
    if (!source) return c.json({ error: { code: 'NOT_FOUND', message: 'No such widget (is the bundle built? pnpm --filter @pressline/storefront-widgets build)' } }, 404);
    return c.body(source, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=300',
    });
  };
}
