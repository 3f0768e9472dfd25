import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signAppProxyQuery } from '@pressline/core';
import { DEMO_CUSTOMER_ID, DEMO_SHOP_DOMAIN } from './demo-orders.ts';

const PAGE = (apiUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pressline demo storefront</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="${apiUrl}/widgets/pressline.js" defer></script>
<style>body{font-family:system-ui,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;--pressline-accent:#7c3aed}</style>
</head><body>
<h1>Pressline Demo Print Co.</h1>
<p>Logged in as Ada (customer ${DEMO_CUSTOMER_ID}). The widgets below call Pressline through this page's app proxy, as on a Shopify storefront.</p>
<h2>My orders</h2>
<pressline-order-status data-api="/apps/pressline"></pressline-order-status>
<h2>Order again</h2>
<pressline-order-history data-api="/apps/pressline" data-navigate="false"></pressline-order-history>
<h2>Messages about #1001</h2>
<pressline-messages data-api="/apps/pressline" data-external-order="820982911946154508"></pressline-messages>
<h2>Send a revised file for #1001</h2>
<pressline-upload data-api="/apps/pressline" data-external-order="820982911946154508"></pressline-upload>
</body></html>`;

/**
 * The standalone demo storefront `pressline demo` serves: a page with every widget for the
 * demo shop's logged-in customer, and an app proxy at /apps/pressline/* that forwards to
 * Pressline's /storefront/* signed as Shopify would (with the demo's app secret).
 */
export async function startDemoStorefront(options: { apiUrl: string; secret: string; host: string; port: number }): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.statusCode = 502;
      response.end('Pressline is not answering');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://demo.invalid');
    if (!url.pathname.startsWith('/apps/pressline/')) {
      response.writeHead(url.pathname === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(url.pathname === '/' ? PAGE(options.apiUrl) : 'Not found');
      return;
    }
    const target = new URL(`${options.apiUrl}/storefront/${url.pathname.slice('/apps/pressline/'.length)}`);
    const query = new URLSearchParams([...url.searchParams].filter(([name]) => !['signature', 'shop', 'logged_in_customer_id', 'path_prefix', 'timestamp'].includes(name)));
    query.set('shop', DEMO_SHOP_DOMAIN);
    query.set('logged_in_customer_id', DEMO_CUSTOMER_ID);
    query.set('path_prefix', '/apps/pressline');
    query.set('timestamp', String(Math.floor(Date.now() / 1000)));
    query.set('signature', signAppProxyQuery(query, options.secret));
    target.search = query.toString();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    if (request.headers['content-type']) headers['content-type'] = request.headers['content-type'];
    const answer = await fetch(target, { method: request.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  // The demo's lifetime is the API's: this server never keeps the process alive by itself.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
