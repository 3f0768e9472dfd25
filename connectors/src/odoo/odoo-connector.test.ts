import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOdooApi } from './api/odoo-api.ts';
import { createOdooConnector } from './odoo-connector.ts';
import { buildOdooWebhook } from './testing/build-webhook.ts';
import { createFakeOdoo, type FakeOdoo } from './testing/fake-odoo.ts';

describe('Odoo connector', () => {
  let fake: FakeOdoo;
  beforeEach(async () => {
    fake = await createFakeOdoo();
    fake.listen();
  });
  afterEach(() => fake.close());

  it('takes a confirmed order from the webhook to a StorefrontOrder read back from Odoo', async () => {
    const connector = createOdooConnector();
    const api = createOdooApi();
    const connection = fake.connection({ version: 19, webhookSecret: 'whsec' });
    const { id } = fake.seedOrder({ state: 'sale', lines: [{ product: 'Stickers', defaultCode: 'STK', quantity: 100, priceUnit: 0.35 }] });

    const webhook = fake.webhook(id, 'whsec');
    const request = new Request('http://localhost:8787/webhooks/odoo/shop-1', { method: 'POST', headers: webhook.headers, body: webhook.body });
    const verified = await connector.verifyDelivery(request, await request.clone().text(), connection);
    expect(verified).toMatchObject({ ok: true, delivery: { topic: 'sale.order', deliveryKey: expect.stringMatching(new RegExp(`^sale\\.order:${id}:`)) } });
    if (!verified.ok) return;
    expect(connector.topicKind(verified.delivery.topic)).toBe('order');

    const reference = connector.parseOrderReference(webhook.body);
    if (!reference.ok) throw new Error(reference.message);
    expect(await api.fetchOrder(connection, reference.value.externalId)).toMatchObject({
      ok: true,
      value: { platform: 'odoo', externalId: String(id), totalMinor: 3500, financialStatus: 'paid', lines: [{ sku: 'STK', quantity: 100, unitPriceMinor: 35 }] },
    });
  });

  it('builds the notification byte for byte as Python’s json.dumps does', () => {
    const webhook = buildOdooWebhook({ orderId: 1, secret: 's', writeDate: '2026-03-02 09:15:00', name: 'Café ✓ "q"\n\u007f' });
    expect(webhook.body).toContain('"name": "Caf\\u00e9 \\u2713 \\"q\\"\\n\\u007f"');
  });
});
