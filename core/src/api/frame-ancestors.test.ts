import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { frameAncestors } from './frame-ancestors.ts';

const app = new Hono();
app.use('*', frameAncestors());
app.get('/app', (c) => c.html('<p>admin</p>'));
app.get('/data', (c) => c.json({ ok: true }));

describe('frame-ancestors on HTML pages', () => {
  it("lets only the shop's own Shopify admin frame a page", async () => {
    const response = await app.request('/app?shop=Inkwell-Press.myshopify.com');
    expect(response.headers.get('content-security-policy')).toBe('frame-ancestors https://inkwell-press.myshopify.com https://admin.shopify.com;');
  });

  it('lets nobody frame a page for an unknown or forged shop', async () => {
    for (const query of ['', '?shop=evil.example.com', '?shop=x.myshopify.com.evil.com', '?shop=a%20b.myshopify.com']) {
      const response = await app.request(`/app${query}`);
      expect(response.headers.get('content-security-policy'), query).toBe("frame-ancestors 'none';");
    }
  });

  it('leaves API answers alone', async () => {
    expect((await app.request('/data?shop=inkwell-press.myshopify.com')).headers.get('content-security-policy')).toBeNull();
  });
});
