import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError } from '../../errors.ts';
import { MAX_CUSTOMER_UPLOAD_BYTES, uploadCustomerFile } from '../../use-cases/storefront/customer-upload.ts';
import { customerMessageAttachment, customerMessages, postCustomerMessage } from '../../use-cases/storefront/customer-messages.ts';
import { customerOrderViewById, customerOrderViews } from '../../use-cases/storefront/customer-orders-read.ts';
import { customerThumbnail } from '../../use-cases/storefront/customer-thumbnail.ts';
import { decideProof } from '../../use-cases/storefront/decide-proof.ts';
import { reorderForCustomer } from '../../use-cases/storefront/reorder-for-customer.ts';
import { fileParts, formText } from './form-parts.ts';
import { SHOP_HEADER, storefrontAuth, type StorefrontEnv } from './storefront-auth.ts';
import { widgetsRoute } from './widgets-route.ts';
import { downloadHeaders, payloadLimit } from '../http-helpers.ts';

const proofBody = z.object({ decision: z.enum(['approve', 'request_changes']), comment: z.string().max(2000).nullish() });
const reorderBody = z.object({ lineIds: z.array(z.string().max(40)).max(100).optional() }).default({});

/**
 * The customer API behind the storefront widgets. Thin handlers: each reads its input,
 * calls one use case with the authenticated customer, and answers JSON. Shopify reaches
 * it through the app proxy (same origin for the browser); WooCommerce and Odoo pages call
 * it across origins with a bearer token, so CORS allows any origin without cookies.
 */
export function storefrontRoutes(deps: CoreDeps, widgetsDir?: string) {
  const app = new Hono<StorefrontEnv>();
  app.use('*', cors({ origin: '*', allowHeaders: ['authorization', 'content-type', SHOP_HEADER], allowMethods: ['GET', 'POST'], maxAge: 600 }));
  app.use('*', payloadLimit(MAX_CUSTOMER_UPLOAD_BYTES + 1024 * 1024, `Files are limited to ${MAX_CUSTOMER_UPLOAD_BYTES / 1048576} MB`));
  // The bundle again under the proxy path, so a Shopify theme loads it from its own origin.
  app.get('/widgets/:file', widgetsRoute(widgetsDir));
  app.use('*', storefrontAuth(deps));

  app.get('/orders', async (c) => c.json({ orders: await customerOrderViews(deps, c.get('customer'), { externalId: c.req.query('externalId') ?? null }) }));
  app.get('/orders/:orderId', async (c) => c.json({ order: await customerOrderViewById(deps, c.get('customer'), c.req.param('orderId')) }));
  app.post('/orders/:orderId/reorder', async (c) => {
    const body = reorderBody.safeParse(await c.req.json().catch(() => ({})));
    if (!body.success) throw new BadRequestError('Name the lines to reorder as {"lineIds": [...]}');
    return c.json({ reorder: await reorderForCustomer(deps, c.get('customer'), { orderId: c.req.param('orderId'), ...body.data }) });
  });
  app.post('/jobs/:jobId/proof', async (c) => {
    const body = proofBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) throw new BadRequestError('Send {"decision": "approve" | "request_changes", "comment": "..."}');
    return c.json(await decideProof(deps, c.get('customer'), { jobId: c.req.param('jobId'), decision: body.data.decision, comment: body.data.comment ?? null }));
  });
  app.post('/jobs/:jobId/files', async (c) => {
    const form = await c.req.formData().catch(() => null);
    const [file] = form ? await fileParts(form, 'file') : [];
    if (!form || !file) throw new BadRequestError('Send the file as multipart form field "file"');
    const replaces = formText(form, 'replaces');
    return c.json(await uploadCustomerFile(deps, c.get('customer'), { jobId: c.req.param('jobId'), name: file.name, bytes: file.bytes, replaces }));
  });
  app.get('/files/:fileId/thumbnail.png', async (c) => {
    const png = await customerThumbnail(deps, c.get('customer'), c.req.param('fileId'));
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });
  app.get('/orders/:orderId/messages', async (c) => c.json({ messages: await customerMessages(deps, c.get('customer'), c.req.param('orderId')) }));
  app.post('/orders/:orderId/messages', async (c) => {
    const form = await c.req.formData().catch(() => null);
    if (!form) throw new BadRequestError('Send the message as a multipart form (body, attachments)');
    const attachments = await fileParts(form, 'attachments');
    return c.json({ message: await postCustomerMessage(deps, c.get('customer'), { orderId: c.req.param('orderId'), body: formText(form, 'body') ?? '', attachments }) });
  });
  app.get('/messages/:messageId/attachments/:fileId', async (c) => {
    const file = await customerMessageAttachment(deps, c.get('customer'), { messageId: c.req.param('messageId'), fileId: c.req.param('fileId') });
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, downloadHeaders(file));
  });
  return app;
}
