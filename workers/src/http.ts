import { serve, type ServerType } from '@hono/node-server';
import { createServer, type CoreDeps } from '@pressline/core';

/** Starts the HTTP API on `host:port`; resolves once it is listening. */
export function startHttp(deps: CoreDeps, options: { host: string; port: number; log: (message: string, error?: unknown) => void }): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  const app = createServer(deps, { log: options.log });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      resolve({
        server,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
