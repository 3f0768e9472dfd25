import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { CoreDeps } from '../deps.ts';
import { BadRequestError, UnauthenticatedError } from '../errors.ts';
import { exchangeLaunchToken } from '../use-cases/admin-auth/exchange-launch-token.ts';
import { authenticateCredential } from '../use-cases/admin-auth/authenticate-request.ts';
import type { ApiPrincipal } from '../use-cases/api-keys/authenticate-api-key.ts';
import { shopMessageAttachment } from '../use-cases/messages/message-attachment.ts';
import { jobsFingerprint } from '../use-cases/ops/jobs-fingerprint.ts';
import { renderJobTicket } from '../use-cases/ops/job-ticket.ts';
import { isUuid } from './graphql/ids.ts';
import { bearerToken, downloadHeaders } from './http-helpers.ts';
import { createShopChangeFeed } from './shop-change-feed.ts';

/** How often a shop's live streams look for changes: one cheap indexed query per shop and process, however many pages are open. */
const EVENTS_POLL_MS = 1000;
/** Proxies drop idle connections; a comment line this often keeps the stream open. */
const KEEPALIVE_MS = 20_000;

type Env = { Variables: { principal: ApiPrincipal } };

/** The credential every admin and API call carries: "Authorization: Bearer <session token | launch session | API key>". */
export function requireCredential(deps: CoreDeps) {
  return async (c: { req: { header(name: string): string | undefined }; set(key: 'principal', value: ApiPrincipal): void }, next: () => Promise<void>) => {
    const header = c.req.header('authorization');
    const credential = bearerToken(header) ?? c.req.header('x-api-key');
    if (!credential) throw new UnauthenticatedError('Send a session token, launch session or API key as "Authorization: Bearer <credential>"');
    c.set('principal', await authenticateCredential(deps, credential));
    await next();
  };
}

/** `/api/*`: what the admin and operator pages need besides GraphQL. */
export function adminApiRoutes(deps: CoreDeps) {
  const api = new Hono<Env>();

  // The WordPress plugin / Odoo addon opened the admin: trade its launch token for a session.
  api.post('/session', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { shopId?: unknown; launchToken?: unknown } | null;
    if (typeof body?.shopId !== 'string' || typeof body.launchToken !== 'string') throw new BadRequestError('Send { shopId, launchToken }');
    const session = await exchangeLaunchToken(deps, { shopId: body.shopId, token: body.launchToken });
    return c.json({ session: session.session, expiresAt: session.expiresAt.toISOString(), shopId: session.shopId });
  });

  api.use('*', requireCredential(deps));

  // Live updates: an event whenever any of the shop's jobs changes, whichever process changed it.
  const changes = createShopChangeFeed((shopId) => jobsFingerprint(deps, shopId), EVENTS_POLL_MS);
  api.get('/events', (c) => {
    const { shopId } = c.get('principal');
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: 'ready', data: '{}' });
      // Proxies drop idle connections; a comment line keeps the stream open.
      const keepalive = setInterval(() => void stream.write(': keepalive\n\n'), KEEPALIVE_MS);
      await new Promise<void>((ended) => {
        const stop = changes.subscribe(shopId, (change) => {
          // The database went away (shutdown, failover): end the stream; the page reconnects.
          if (change === 'failed') ended();
          else void stream.writeSSE({ event: 'jobs-changed', data: JSON.stringify({ at: deps.clock().toISOString() }) });
        });
        stream.onAbort(() => {
          stop();
          ended();
        });
      });
      clearInterval(keepalive);
    });
  });

  api.get('/jobs/:id/ticket.pdf', async (c) => {
    const jobId = c.req.param('id');
    if (!isUuid(jobId)) throw new BadRequestError('Invalid job id');
    const pdf = await renderJobTicket(deps, { shopId: c.get('principal').shopId, jobId });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="job-ticket.pdf"`, 'cache-control': 'no-store' });
  });

  // A file of a message in one of the shop's order threads (operator's job detail, API clients).
  api.get('/messages/:messageId/attachments/:fileId', async (c) => {
    const file = await shopMessageAttachment(deps, { shopId: c.get('principal').shopId, messageId: c.req.param('messageId'), fileId: c.req.param('fileId') });
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, downloadHeaders(file));
  });
  return api;
}
