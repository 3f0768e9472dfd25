import { afterEach, describe, expect, it } from 'vitest';
import { createFakeWooCommerce, type FakeWooCommerce } from './testing/fake-woocommerce.ts';
import { signWooCommerceWebhook } from './testing/sign-webhook.ts';
import { createWooCommerceApi } from './woocommerce-api.ts';
import { createWooCommerceConnector } from './woocommerce-connector.ts';

const NOW = Date.parse('2026-11-20T10:00:00Z');
let fake: FakeWooCommerce | undefined;

afterEach(() => {
  fake?.close();
  fake = undefined;
});

describe('WooCommerce connector', () => {
  it('verifies a delivery, names its order and reads the order back through the REST API', async () => {
    fake = await createFakeWooCommerce({ now: () => NOW });
    fake.listen();
    fake.seedOrder({ id: 801, status: 'pending', date_paid: null, date_paid_gmt: null });
    const connector = createWooCommerceConnector();
    const api = createWooCommerceApi({ now: () => new Date(NOW) });

    // The webhook was built when the order was still unpaid; it has been paid since.
    const rawBody = fake.webhookBody(801);
    fake.editOrder(801, { status: 'processing' });
    const headers = signWooCommerceWebhook({ rawBody, secret: fake.webhookSecret, topic: 'order.created', siteUrl: fake.siteUrl, webhookId: 3 });
    const request = new Request('http://localhost:8787/webhooks/woocommerce/shop-1', { method: 'POST', headers, body: rawBody });

    const verified = await connector.verifyDelivery(request, await request.clone().text(), fake.connection());
    expect(verified).toMatchObject({ ok: true, delivery: { topic: 'order.created', shopDomain: 'shop.example.test', deliveryKey: 'order:801:2017-03-22T19:28:08.000Z:pending' } });
    expect(connector.topicKind('order.created')).toBe('order');
    expect(connector.rereadsOrders).toBe(true);
    expect(connector.parseOrder(rawBody)).toMatchObject({ ok: true, value: { externalId: '801', financialStatus: 'pending' } });

    const reference = connector.parseOrderReference(rawBody);
    expect(reference).toEqual({ ok: true, value: { externalId: '801' } });
    const current = await api.fetchOrder(fake.connection(), reference.ok ? reference.value.externalId : '');
    expect(current).toMatchObject({ ok: true, value: { externalId: '801', financialStatus: 'paid', updatedAt: '2026-11-20T10:00:00.000Z' } });
    // The fake site serves the sample's shipping address and line, in the webhook and over REST.
    const shipping = {
      shippingAddress: { name: 'John Doe', address1: '969 Market', city: 'San Francisco', province: 'CA', postalCode: '94103', countryCode: 'US' },
      shippingMethod: 'Flat Rate',
    };
    expect(connector.parseOrder(rawBody)).toMatchObject({ ok: true, value: shipping });
    expect(current).toMatchObject({ ok: true, value: shipping });
  });

  it('refuses a connection of another platform loudly', async () => {
    const api = createWooCommerceApi();
    expect(() => api.fetchOrder({ platform: 'shopify', shopDomain: 'x.myshopify.com', accessToken: 't' }, '1')).toThrow(TypeError);
  });
});
