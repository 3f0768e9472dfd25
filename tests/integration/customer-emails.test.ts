import { createSmtpMailer, recordShipmentStatus, transitionJob } from '@pressline/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestShop, importOrder, moveJob, outboxOf, quiet, recordShipmentVia, type ImportedOrder } from '../support/backprop-flow.ts';
import { startShopifyPlatform, type BackpropPlatform } from '../support/backprop-platforms.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';
import { startTestSmtp, type TestSmtp } from '../support/test-smtp.ts';

const SUBJECT = '{{ order.name }}: {{ status_label }}';
const BODY = [
  'Hello {{ customer.name }},',
  'Your order {{ order.name }} is {{ status_label }}.',
  '{% for item in items %}- {{ item.quantity }} x {{ item.title }} ({{ item.shipped }} shipped)',
  '{% endfor %}{% for t in tracking %}{{ t.carrier }}: {{ t.numbers | join: ", " }} {{ t.url }}',
  '{% endfor %}{% if hold_reason != "" %}Why: {{ hold_reason }}{% endif %}',
].join('\n');
const STATUSES = ['paid', 'in_production', 'on_hold', 'ready', 'shipped', 'delivered'];

const SAVE = `mutation ($input: NotificationTemplateInput!) { saveNotificationTemplate(input: $input) { status } }`;

describe('customer e-mails', () => {
  let platform: BackpropPlatform;
  let server: ReturnType<typeof setupServer>;
  let smtp: TestSmtp;
  let mailer: ReturnType<typeof createSmtpMailer>;
  let app: TestApp;
  let shop: { shopId: string; apiKey: string };

  beforeAll(async () => {
    platform = await startShopifyPlatform();
    server = setupServer(...platform.handlers);
    server.listen({ onUnhandledFrame: 'bypass' });
    smtp = await startTestSmtp();
    mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Pressline Print <orders@print.example>', timeoutMs: 5_000 });
    app = await startTestApp({ platformApis: { shopify: platform.api }, mailer, outboxPolicy: { baseDelayMs: 100, maxDelayMs: 400, maxAttempts: 3, callTimeoutMs: 5_000 } });
    shop = await connectTestShop(app, platform);
    for (const status of STATUSES) {
      const saved = await app.graphql(shop.apiKey, SAVE, { input: { status, subject: SUBJECT, body: BODY } });
      expect(saved.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await smtp?.close();
    server?.close();
  });

  async function newOrder(email?: string): Promise<ImportedOrder & { name: string }> {
    const seeded = await platform.seedOrder(email ? { email } : {});
    const order = await importOrder(app, shop.shopId, platform, seeded.externalId, seeded.lineExternalIds);
    const [row] = await app.owner<{ name: string }[]>`select name from orders where id = ${order.orderId}`;
    return { ...order, name: row!.name };
  }

  /** Runs a step and returns the one e-mail it caused. */
  async function mailOf(step: () => Promise<unknown>) {
    const before = smtp.received.length;
    await step();
    await eventually(async () => (smtp.received.length > before ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second e-mail would show up by now
    expect(smtp.received.length).toBe(before + 1);
    return smtp.received[before]!;
  }

  it('sends one e-mail per configured status, with the order, items, hold reason and tracking', { timeout: 90_000 }, async () => {
    let order!: Awaited<ReturnType<typeof newOrder>>;
    const paid = await mailOf(async () => {
      order = await newOrder();
    });
    const [first, second] = order.jobIds as [string, string];
    const move = (jobId: string, ...stages: string[]) => () => moveJob(app, shop.shopId, jobId, stages);
    await move(first, 'preflight')();
    await move(second, 'preflight')();
    expect(paid.to).toEqual(['ada@example.com']);
    expect(paid.subject).toBe(`${order.name}: Paid`);
    expect(paid.text).toContain('- 2 x Business cards (0 shipped)');
    expect(paid.text).toContain('- 1 x Poster (0 shipped)');

    await move(first, 'approved', 'scheduled')();
    const inProduction = await mailOf(move(second, 'approved', 'scheduled'));
    expect(inProduction.subject).toBe(`${order.name}: In production`);

    const held = await mailOf(() => transitionJob(app.deps, { shopId: shop.shopId, jobId: first, to: 'on_hold', note: 'Waiting for your artwork approval', actor: 'operator:test' }));
    expect(held.subject).toBe(`${order.name}: On hold`);
    expect(held.text).toContain('Why: Waiting for your artwork approval');
    await mailOf(move(first, 'scheduled'));

    await move(first, 'in_production', 'post_processing', 'quality_check', 'ready')();
    const ready = await mailOf(move(second, 'in_production', 'post_processing', 'quality_check', 'ready'));
    expect(ready.subject).toBe(`${order.name}: Ready`);

    let shipmentId = '';
    const shipped = await mailOf(async () => {
      const result = await recordShipmentVia(app, shop.apiKey, {
        orderId: order.orderId, carrier: 'UPS', trackingNumbers: ['1ZMAIL001', '1ZMAIL002'], trackingUrl: 'https://track.example/1ZMAIL',
        lines: [{ orderLineId: order.lineIds[0], quantity: 2 }, { orderLineId: order.lineIds[1], quantity: 1 }],
      });
      expect(result.errors).toBeUndefined();
      shipmentId = result.data!.recordShipment.id;
    });
    expect(shipped.subject).toBe(`${order.name}: Shipped`);
    expect(shipped.text).toContain('UPS: 1ZMAIL001, 1ZMAIL002 https://track.example/1ZMAIL');
    expect(shipped.text).toContain('- 2 x Business cards (2 shipped)');

    const delivered = await mailOf(() => recordShipmentStatus(app.deps, { shopId: shop.shopId, shipmentId, status: 'delivered', actor: 'carrier' }));
    expect(delivered.subject).toBe(`${order.name}: Delivered`);
    // An older "shipped" event arriving late moves nothing back and mails nobody.
    const late = await recordShipmentStatus(app.deps, { shopId: shop.shopId, shipmentId, status: 'shipped', occurredAt: new Date(Date.now() - 3_600_000), actor: 'carrier' });
    expect(late.changed).toBe(false);
    await quiet(app, shop.shopId, order.orderId);
    expect(smtp.received.filter((mail) => mail.subject.startsWith(`${order.name}:`)).map((mail) => mail.subject.slice(order.name.length + 2))).toEqual([
      'Paid', 'In production', 'On hold', 'In production', 'Ready', 'Shipped', 'Delivered',
    ]);
  });

  it('previews a template, and sends nothing to an opted-out customer or when the platform already notified', { timeout: 60_000 }, async () => {
    const order = await newOrder();
    await quiet(app, shop.shopId, order.orderId); // its "paid" e-mail is out
    const preview = await app.graphql<{ notificationPreview: { to: string; subject: string; body: string } }>(
      shop.apiKey,
      `query ($id: ID!) { notificationPreview(orderId: $id, status: "ready", body: "{{ items.size }} items for {{ customer.email }}") { to subject body } }`,
      { id: order.orderId },
    );
    expect(preview.data?.notificationPreview).toEqual({ to: 'ada@example.com', subject: `${order.name}: Ready`, body: '2 items for ada@example.com' });

    const settings = await app.graphql(shop.apiKey, `mutation { saveNotificationSettings(input: { platformNotifiesShipping: true }) { platformNotifiesShipping } }`);
    expect(settings.errors).toBeUndefined();
    const before = smtp.received.length;
    const shipped = await recordShipmentVia(app, shop.apiKey, { orderId: order.orderId, carrier: 'UPS', trackingNumbers: ['1ZQUIET'], lines: [{ orderLineId: order.lineIds[0], quantity: 2 }, { orderLineId: order.lineIds[1], quantity: 1 }] });
    expect(shipped.errors).toBeUndefined();
    const afterShipping = await quiet(app, shop.shopId, order.orderId);
    expect(afterShipping.find((row) => row.kind === 'create_fulfillment')?.status).toBe('sent');

    const optOut = await app.graphql(shop.apiKey, `mutation { optOutCustomer(email: "Ada@Example.com") }`);
    expect(optOut.errors).toBeUndefined();
    const [shipment] = await app.owner<{ id: string }[]>`select id from shipments where order_id = ${order.orderId}`;
    await recordShipmentStatus(app.deps, { shopId: shop.shopId, shipmentId: shipment!.id, status: 'delivered', actor: 'carrier' });
    const rows = await quiet(app, shop.shopId, order.orderId);
    expect(rows.filter((row) => row.kind === 'email').map((row) => row.payload['customerStatus'])).toEqual(['paid']);
    expect(smtp.received.length).toBe(before);
    await app.graphql(shop.apiKey, `mutation { saveNotificationSettings(input: { platformNotifiesShipping: false }) { platformNotifiesShipping } }`);
  });

  it('retries a refusing SMTP server, then dead-letters the e-mail visibly; a retry from the admin delivers it', { timeout: 60_000 }, async () => {
    smtp.refuseWith(451);
    const refusedBefore = smtp.refusals();
    // The order arriving makes it "paid" for the customer: that e-mail meets the refusing server.
    const order = await newOrder('grace@example.com');
    const rows = await quiet(app, shop.shopId, order.orderId);
    const email = rows.find((row) => row.kind === 'email');
    expect(email).toMatchObject({ status: 'failed', attempts: 3 });
    expect(smtp.refusals() - refusedBefore).toBe(3);

    const failures = await app.graphql<{ outboxFailures: { id: string; kind: string; attempts: number; lastError: string; order: { id: string } }[] }>(
      shop.apiKey,
      `{ outboxFailures { id kind attempts lastError order { id } } }`,
    );
    const failed = failures.data?.outboxFailures.find((row) => row.kind === 'email' && row.order.id === order.orderId);
    expect(failed).toMatchObject({ attempts: 3 });
    expect(failed?.lastError).toContain('451');

    smtp.refuseWith(null);
    const mail = await mailOf(async () => {
      const retried = await app.graphql(shop.apiKey, `mutation ($id: ID!) { retryOutboxEffect(id: $id) { status } }`, { id: failed!.id });
      expect(retried.errors).toBeUndefined();
    });
    expect(mail.subject).toBe(`${order.name}: Paid`);
    expect((await outboxOf(app, shop.shopId, order.orderId)).find((row) => row.kind === 'email')?.status).toBe('sent');
  });
});
