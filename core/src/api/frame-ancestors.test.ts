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

  it("lets the shop's own WordPress or Odoo frame the admin it opens, and nobody for an unknown shop id", async () => {
    const known = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    const embedded = new Hono();
    embedded.use('*', frameAncestors({ embedOrigin: async (shopId) => (shopId === known ? 'https://print.example.com' : null) }));
    embedded.get('/app', (c) => c.html('<p>admin</p>'));
    expect((await embedded.request(`/app?shopId=${known}`)).headers.get('content-security-policy')).toBe('frame-ancestors https://print.example.com;');
    for (const query of ['?shopId=00000000-0000-4000-8000-000000000000', '?shopId=../etc', '']) {
      expect((await embedded.request(`/app${query}`)).headers.get('content-security-policy'), query).toBe("frame-ancestors 'none';");
    }
  });
});
