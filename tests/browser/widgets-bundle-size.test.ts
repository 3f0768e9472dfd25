import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGETS_BUNDLE, widgetsStale } from '../../storefront-widgets/src/build/build-widgets.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** storefront-widgets/README.md: status + reorder within 30 kB gzip; the bundle holds every widget and still must fit. */
const BUDGET_GZIP_BYTES = 30 * 1024;

describe('widget bundle', () => {
  it('is built from the current sources and fits the documented size budget', () => {
    expect(widgetsStale()).toBe(false);
    const gzipped = gzipSync(readFileSync(WIDGETS_BUNDLE), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  describe('as the API serves it', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ workers: false });
    });
    afterAll(() => app?.close());

    it('is public at /widgets/pressline.js and, for Shopify themes, under the app proxy path; nothing else is served', async () => {
      const bundle = readFileSync(WIDGETS_BUNDLE, 'utf8');
      for (const path of ['/widgets/pressline.js', '/storefront/widgets/pressline.js']) {
        const response = await fetch(`${app.baseUrl}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/javascript');
        expect(await response.text()).toBe(bundle);
      }
      for (const path of ['/widgets/..%2Fpackage.json', '/widgets/build-widgets.ts', '/widgets/missing.js']) expect((await fetch(`${app.baseUrl}${path}`)).status).toBe(404);
      // The customer API next to it still wants a signature.
      expect((await fetch(`${app.baseUrl}/storefront/orders`)).status).toBe(401);
    });
  });
});
