import { createSmtpMailer } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeCustomerOrder, viaAppProxy } from '../support/storefront.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';
import { startTestSmtp, type TestSmtp } from '../support/test-smtp.ts';

const SHOP = 'thread-prints.myshopify.com';
const CUSTOMER = '730001';

const THREAD = /* GraphQL */ `
  query ($id: ID!) { order(id: $id) { messages { id author body at attachments { name } } } }
`;
const SEND = /* GraphQL */ `
  mutation ($orderId: ID!, $body: String!) { sendOrderMessage(orderId: $orderId, body: $body) { id author body attachments { name } } }
`;

interface Thread {
  order: { messages: { author: string; body: string; attachments: { name: string }[] }[] };
}

describe('an order’s message thread between customer and shop', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let mailer: ReturnType<typeof createSmtpMailer>;
  let apiKey: string;
  let orderId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Thread Prints <orders@print.example>', timeoutMs: 5_000 });
    app = await startTestApp({ mailer, outboxPolicy: { baseDelayMs: 100, maxDelayMs: 400, maxAttempts: 3, callTimeoutMs: 5_000 } });
    ({ apiKey } = await app.addShop(SHOP));
    await placeCustomerOrder(app, SHOP, { id: '91001', name: '#3001', email: 'Ada@Example.com', lines: [{ id: '910011', title: 'Stickers', quantity: 50 }] }, CUSTOMER);
    const [order] = await app.owner<{ id: string }[]>`select id from orders`;
    orderId = order!.id;
  });
  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await smtp?.close();
  });

  it('the customer writes with an attachment, the operator sees it and replies, and the customer is e-mailed and sees the reply', async () => {
    const form = new FormData();
    form.set('body', 'Can the stickers be glossy?');
    form.append('attachments', new Blob(['%PDF-1.4 sample']), 'sample.pdf');
    const posted = await viaAppProxy(app, { shop: SHOP, customerId: CUSTOMER }, `/orders/${orderId}/messages`, { method: 'POST', body: form });
    expect(posted.status).toBe(200);

    const seen = await app.graphql<Thread>(apiKey, THREAD, { id: orderId });
    expect(seen.data?.order.messages).toMatchObject([{ author: 'CUSTOMER', body: 'Can the stickers be glossy?', attachments: [{ name: 'sample.pdf' }] }]);

    const reply = await app.graphql(apiKey, SEND, { orderId, body: 'Yes, glossy at no extra cost.' });
    expect(reply.errors).toBeUndefined();
    const mail = await eventually(async () => smtp.received.find((received) => received.to.includes('ada@example.com')));
    expect(mail.subject).toContain('#3001');
    expect(mail.text).toContain('Yes, glossy at no extra cost.');

    const thread = (await (await viaAppProxy(app, { shop: SHOP, customerId: CUSTOMER }, `/orders/${orderId}/messages`)).json()) as { messages: { author: string; body: string }[] };
    expect(thread.messages.map((message) => [message.author, message.body])).toEqual([
      ['customer', 'Can the stickers be glossy?'],
      ['shop', 'Yes, glossy at no extra cost.'],
    ]);
  });

  it('refuses an empty message and a stranger’s order id', async () => {
    const empty = new FormData();
    empty.set('body', '   ');
    expect((await viaAppProxy(app, { shop: SHOP, customerId: CUSTOMER }, `/orders/${orderId}/messages`, { method: 'POST', body: empty })).status).toBe(400);
    expect((await viaAppProxy(app, { shop: SHOP, customerId: '730002' }, `/orders/${orderId}/messages`)).status).toBe(404);
    const unknown = await app.graphql(apiKey, SEND, { orderId: '00000000-0000-4000-8000-000000000000', body: 'hello' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
