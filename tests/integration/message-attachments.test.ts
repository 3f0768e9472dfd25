import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeCustomerOrder, viaAppProxy } from '../support/storefront.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SHOP = 'attach-prints.myshopify.com';
const OTHER_SHOP = 'other-prints.myshopify.com';
const ANN = '740001';
const BEN = '740002';
const LIMIT = 20 * 1024 * 1024;

const SEND = /* GraphQL */ `
  mutation ($orderId: ID!, $body: String!, $attachments: [File!]) {
    sendOrderMessage(orderId: $orderId, body: $body, attachments: $attachments) { id author body attachments { id name sizeBytes contentType downloadPath } }
  }
`;
const THREAD = /* GraphQL */ `
  query ($id: ID!) { order(id: $id) { messages { id author body attachments { id name sizeBytes contentType downloadPath } } } }
`;

interface Attachment {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  downloadPath: string;
}
interface Message {
  id: string;
  author: string;
  body: string;
  attachments: Attachment[];
}
interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('message attachments between the shop and its customer', () => {
  let app: TestApp;
  let apiKey: string;
  let otherApiKey: string;
  let orderId: string;

  /** sendOrderMessage as the operator page sends it: a GraphQL multipart request. */
  async function sendWithFiles(key: string, body: string, files: { name: string; bytes: Uint8Array }[]): Promise<GraphQLAnswer<{ sendOrderMessage: Message }>> {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: SEND, variables: { orderId, body, attachments: files.map(() => null) } }));
    form.set('map', JSON.stringify(Object.fromEntries(files.map((_, index) => [String(index), [`variables.attachments.${index}`]]))));
    files.forEach((file, index) => form.set(String(index), new Blob([Buffer.from(file.bytes)]), file.name));
    const response = await fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
    return (await response.json()) as GraphQLAnswer<{ sendOrderMessage: Message }>;
  }

  const counts = async () => {
    const [row] = await app.owner<{ messages: number; files: number; events: number; outbox: number }[]>`
      select (select count(*)::int from order_messages) as messages, (select count(*)::int from files) as files,
             (select count(*)::int from order_events where kind = 'message_sent') as events, (select count(*)::int from outbox) as outbox`;
    return row!;
  };
  const adminGet = (path: string, key?: string) => fetch(`${app.baseUrl}${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop(SHOP));
    ({ apiKey: otherApiKey } = await app.addShop(OTHER_SHOP));
    await placeCustomerOrder(app, SHOP, { id: '94001', name: '#4001', email: 'ann@example.com', lines: [{ id: '940011', title: 'Banner', quantity: 1 }] }, ANN);
    await placeCustomerOrder(app, SHOP, { id: '94002', name: '#4002', email: 'ben@example.com', lines: [{ id: '940021', title: 'Flyers', quantity: 100 }] }, BEN);
    // The other shop has a customer with Ann's id: ids are only unique within a shop.
    await placeCustomerOrder(app, OTHER_SHOP, { id: '94001', name: '#4001', email: 'ann2@example.com', lines: [{ id: '940011', title: 'Mug', quantity: 1 }] }, ANN);
    const [order] = await app.owner<{ id: string }[]>`select o.id from orders o join shops s on s.id = o.shop_id where s.domain = ${SHOP} and o.external_id = '94001'`;
    orderId = order!.id;
  });
  afterAll(() => app?.close());

  let reply: Message;

  it('the operator replies with files: stored, listed in the thread for both sides, audited, and named in the customer’s e-mail', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 proof');
    const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const sent = await sendWithFiles(apiKey, 'Here is the proof and a photo.', [
      { name: 'proof v2.pdf', bytes: pdf },
      { name: 'Grüße; final.png', bytes: photo },
    ]);
    expect(sent.errors).toBeUndefined();
    reply = sent.data!.sendOrderMessage;
    expect(reply.author).toBe('SHOP');
    // Listed by name (they were sent together).
    expect(reply.attachments.map(({ name, sizeBytes, contentType }) => ({ name, sizeBytes, contentType }))).toEqual([
      { name: 'Grüße; final.png', sizeBytes: photo.length, contentType: 'image/png' },
      { name: 'proof v2.pdf', sizeBytes: pdf.length, contentType: 'application/pdf' },
    ]);

    const thread = await app.graphql<{ order: { messages: Message[] } }>(apiKey, THREAD, { id: orderId });
    expect(thread.data?.order.messages).toEqual([reply]);
    const stored = await app.owner<{ sha256: string; source: string }[]>`select sha256, source from files order by size_bytes`;
    expect(stored.map((file) => file.source)).toEqual(['operator', 'operator']);
    expect(await app.deps.files.get(createHash('sha256').update(pdf).digest('hex'))).toEqual(pdf);

    const [event] = await app.owner<{ actor: string; note: string }[]>`select actor, note from order_events where kind = 'message_sent'`;
    expect(event?.note).toBe('Attached: Grüße; final.png, proof v2.pdf');
    expect(event?.actor).toBe('api-key:test');
    const [mail] = await app.owner<{ payload: { to: string; text: string } }[]>`select payload from outbox where kind = 'email'`;
    expect(mail?.payload.to).toBe('ann@example.com');
    expect(mail?.payload.text).toContain('Attached: Grüße; final.png, proof v2.pdf');

    const customerThread = (await (await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/orders/${orderId}/messages`)).json()) as { messages: { attachments: { name: string; url: string }[] }[] };
    expect(customerThread.messages[0]?.attachments).toEqual(
      reply.attachments.map((file) => expect.objectContaining({ name: file.name, sizeBytes: file.sizeBytes, contentType: file.contentType, url: `messages/${reply.id}/attachments/${file.id}` })),
    );
  });

  it('the customer downloads the shop’s file and their own as attachments, with the exact name, never sniffed or run', async () => {
    const pdf = reply.attachments[1];
    const download = await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/messages/${reply.id}/attachments/${pdf!.id}`);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(await download.arrayBuffer())).toBe('%PDF-1.4 proof');
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="proof v2.pdf"; filename*=UTF-8''proof%20v2.pdf`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");

    const quoted = await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/messages/${reply.id}/attachments/${reply.attachments[0]!.id}`);
    const disposition = quoted.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="Gr__e; final.png"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Grüße; final.png');

    // The customer's own message: an SVG with a script and an HTML page come back as plain bytes to save.
    const form = new FormData();
    form.set('body', 'My logo and the page it goes on');
    form.append('attachments', new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>']), 'logo.svg');
    form.append('attachments', new Blob(['<html><script>alert(1)</script></html>']), 'page.html');
    const posted = (await (await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/orders/${orderId}/messages`, { method: 'POST', body: form })).json()) as {
      message: { id: string; attachments: { name: string; contentType: string; url: string }[] };
    };
    expect(posted.message.attachments.map((file) => [file.name, file.contentType])).toEqual([
      ['logo.svg', 'application/octet-stream'],
      ['page.html', 'application/octet-stream'],
    ]);
    for (const file of posted.message.attachments) {
      const own = await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/${file.url}`);
      expect(own.status).toBe(200);
      expect(own.headers.get('content-type')).toBe('application/octet-stream');
      expect(own.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
      expect(own.headers.get('content-security-policy')).toContain('sandbox');
    }
    // The shop downloads the customer's file from the operator page's route.
    const svg = posted.message.attachments[0]!;
    const fileId = svg.url.split('/').pop()!;
    const shopDownload = await adminGet(`/api/messages/${posted.message.id}/attachments/${fileId}`, apiKey);
    expect(shopDownload.status).toBe(200);
    expect(await shopDownload.text()).toContain('<svg');
    expect(shopDownload.headers.get('content-type')).toBe('application/octet-stream');
    expect(shopDownload.headers.get('content-disposition')).toBe(`attachment; filename="logo.svg"; filename*=UTF-8''logo.svg`);
    expect(shopDownload.headers.get('x-content-type-options')).toBe('nosniff');
    expect(shopDownload.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('another customer, the same customer id at another shop, another shop’s key and no key get nothing', async () => {
    const path = `/messages/${reply.id}/attachments/${reply.attachments[1]!.id}`;
    const ben = await viaAppProxy(app, { shop: SHOP, customerId: BEN }, path);
    expect(ben.status).toBe(404);
    expect(await ben.text()).not.toContain('PDF');
    expect((await viaAppProxy(app, { shop: OTHER_SHOP, customerId: ANN }, path)).status).toBe(404);
    expect((await viaAppProxy(app, { shop: SHOP, customerId: '' }, path)).status).toBe(401);
    // A real file id under a message it does not belong to, and ids that are not ids.
    const [ownMessage] = await app.owner<{ id: string }[]>`select id from order_messages where author = 'customer'`;
    expect((await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/messages/${ownMessage!.id}/attachments/${reply.attachments[0]!.id}`)).status).toBe(404);
    expect((await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/messages/not-an-id/attachments/x`)).status).toBe(404);

    expect((await adminGet(`/api${path}`, apiKey)).status).toBe(200);
    expect((await adminGet(`/api${path}`, otherApiKey)).status).toBe(404);
    expect((await adminGet(`/api${path}`)).status).toBe(401);
  });

  it('refuses an oversized attachment or too many files, naming the field and writing nothing (no row, no bytes, no e-mail)', async () => {
    const before = await counts();
    const oversized = new Uint8Array(LIMIT + 1).fill(7);
    const refused = await sendWithFiles(apiKey, 'A big one', [{ name: 'small.pdf', bytes: new TextEncoder().encode('%PDF-1.4 small') }, { name: 'huge.tif', bytes: oversized }]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'attachments' });
    expect(refused.errors?.[0]?.message).toBe('Attachment "huge.tif" is larger than 20 MB');
    expect(await app.deps.files.get(createHash('sha256').update(oversized).digest('hex'))).toBeNull();
    expect(await app.deps.files.get(createHash('sha256').update('%PDF-1.4 small').digest('hex'))).toBeNull();

    const six = Array.from({ length: 6 }, (_, index) => ({ name: `page-${index}.txt`, bytes: new TextEncoder().encode(`unique page ${index}`) }));
    const tooMany = await sendWithFiles(apiKey, 'Six pages', six);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'attachments' });
    expect(await app.deps.files.get(createHash('sha256').update('unique page 0').digest('hex'))).toBeNull();

    const customerForm = new FormData();
    customerForm.set('body', 'Too big from me too');
    customerForm.append('attachments', new Blob([oversized]), 'huge.tif');
    const customerRefused = await viaAppProxy(app, { shop: SHOP, customerId: ANN }, `/orders/${orderId}/messages`, { method: 'POST', body: customerForm });
    expect(customerRefused.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
