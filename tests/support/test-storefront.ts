import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appProxyQuery } from './storefront.ts';

export interface TestStorefront {
  url: string;
  /** Requests that reached the beacon: anything an uploaded file's script tried to call home with. */
  beaconHits: string[];
  /** The page's body next time it is served (widget tags). */
  setPage(html: string): void;
  close(): Promise<void>;
}

/**
 * A shop's storefront on loopback as Shopify would serve it: a theme page holding the
 * widgets, and the app proxy at /apps/pressline/* that forwards to Pressline's
 * /storefront/* with the logged-in customer and the signature Shopify adds.
 */
export async function startTestStorefront(options: { apiUrl: string; shop: string; customerId: string; secret: string }): Promise<TestStorefront> {
  let page = '';
  const beaconHits: string[] = [];
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.statusCode = 502;
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://storefront.test');
    if (url.pathname.startsWith('/beacon')) {
      beaconHits.push(url.pathname);
      response.end('');
      return;
    }
    if (url.pathname.startsWith('/apps/pressline/')) {
      const target = new URL(`${options.apiUrl}/storefront/${url.pathname.slice('/apps/pressline/'.length)}`);
      // Shopify drops what the browser sent as proxy parameters and adds its own, signed.
      const extra = Object.fromEntries([...url.searchParams].filter(([name]) => !['signature', 'shop', 'logged_in_customer_id', 'path_prefix', 'timestamp'].includes(name)));
      target.search = appProxyQuery({ shop: options.shop, customerId: options.customerId }, options.secret, extra).toString();
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(await collect(request));
      const headers: Record<string, string> = {};
      if (request.headers['content-type']) headers['content-type'] = request.headers['content-type'];
      const answer = await fetch(target, { method: request.method ?? 'GET', headers, ...(body ? { body } : {}) });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
      response.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test storefront</title>
<script src="${options.apiUrl}/widgets/pressline.js" defer></script></head><body>${page}</body></html>`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    beaconHits,
    setPage: (html) => (page = html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function collect(request: IncomingMessage): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks;
}
