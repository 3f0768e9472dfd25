import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  url: string;
  /** Distinct event ids received with a valid signature. */
  distinct(): number;
  /** Deliveries of an event id already received (at-least-once shows up here). */
  duplicates(): number;
  badSignatures(): number;
  lastAt(): number;
  close(): Promise<void>;
}

/** The local fake platform: accepts signed webhooks, checks each signature, counts events once. */
export async function startWebhookReceiver(secret: () => string): Promise<WebhookReceiver> {
  const seen = new Set<string>();
  let duplicates = 0;
  let bad = 0;
  let last = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = createHmac('sha256', secret()).update(body).digest();
      const given = Buffer.from(String(request.headers['x-pressline-hmac-sha256'] ?? ''), 'base64');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        bad += 1;
        response.writeHead(401).end();
        return;
      }
      const id = String(request.headers['x-pressline-event-id']);
      if (seen.has(id)) duplicates += 1;
      seen.add(id);
      last = performance.now();
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    distinct: () => seen.size,
    duplicates: () => duplicates,
    badSignatures: () => bad,
    lastAt: () => last,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
