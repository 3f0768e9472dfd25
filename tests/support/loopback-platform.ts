import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';

export interface LoopbackPlatform {
  baseUrl: string;
  /** Serves these msw handlers (a platform stand-in) from now on. */
  serve(handlers: HttpHandler[]): void;
  close(): Promise<void>;
}

/**
 * A platform stand-in's msw handlers behind a real HTTP port, for a process msw cannot
 * reach (a worker started as a child process). Every answer waits `latencyMs`, as a
 * remote platform would, so a killed worker dies with calls in flight.
 */
export async function startLoopbackPlatform(options: { latencyMs?: number } = {}): Promise<LoopbackPlatform> {
  let handlers: HttpHandler[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      try {
        const request = await toRequest(incoming);
        if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
        const response = await getResponse(handlers, request);
        if (!response) {
          outgoing.writeHead(404).end();
          return;
        }
        if (response.type === 'error') {
          outgoing.destroy();
          return;
        }
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      } catch {
        outgoing.destroy();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    serve: (next) => {
      handlers = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function toRequest(incoming: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  return new Request(`http://${incoming.headers.host ?? '127.0.0.1'}${incoming.url ?? '/'}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  });
}
