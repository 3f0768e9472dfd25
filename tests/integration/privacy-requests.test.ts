import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, sendSigned } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'privacy-print.myshopify.com';
const ERASED = '{"erased":"privacy request"}';

const order = (id: string, email: string) => ({ id, name: `#${id.slice(-4)}`, email, lines: [{ id: `${id}1`, title: 'Wedding invitations', quantity: 80 }] });

describe("Shopify's privacy requests", () => {
  let app: TestApp;
  let shopId: string;
  let sequence = 0;

  beforeAll(async () => {
    app = await startTestApp();
    ({ shopId } = await app.addShop(DOMAIN));
    await placeOrder(app, DOMAIN, order('8200000000000001001', 'ada@example.com'));
    await placeOrder(app, DOMAIN, order('8200000000000001002', 'Ada@Example.com'));
    await placeOrder(app, DOMAIN, order('8200000000000001003', 'grace@example.com'));
  });
  afterAll(() => app.close());

  /** Sends a signed privacy delivery and waits until a worker handled it. */
  const request = async (topic: string, body: object) => {
    const webhookId = `privacy-${++sequence}`;
    const response = await sendSigned(app, { shopDomain: DOMAIN, webhookId, topic, rawBody: JSON.stringify({ shop_id: 1, shop_domain: DOMAIN, ...body }) });
    expect(response.status).toBe(200);
    return eventually(async () => {
      const [row] = await app.owner<{ status: string; raw_body: string }[]>`select status, raw_body from webhook_deliveries where delivery_key = ${webhookId}`;
      return row && row.status !== 'pending' ? row : undefined;
    });
  };
  const customerOf = async (externalId: string) =>
    (await app.owner<{ customer_email: string | null; customer_name: string | null; shipping_address: object | null; redacted_at: Date | null }[]>`
      select customer_email, customer_name, shipping_address, redacted_at from orders where shop_id = ${shopId} and external_id = ${externalId}`)[0];
  const eventsOf = (externalId: string) =>
    app.owner<{ kind: string; note: string }[]>`
      select e.kind, e.note from order_events e join orders o on o.id = e.order_id where o.external_id = ${externalId} order by e.id`;

  it('flags a data request on every order of that customer without erasing anything', async () => {
    const handled = await request('customers/data_request', { customer: { id: null, email: 'ada@example.com' }, orders_requested: [], data_request: { id: 4242 } });
    expect(handled.status).toBe('processed');
    for (const id of ['8200000000000001001', '8200000000000001002']) {
      expect((await eventsOf(id)).map((e) => e.kind)).toContain('customer_data_requested');
      expect((await customerOf(id))?.customer_email).not.toBeNull();
      expect((await customerOf(id))?.shipping_address).not.toBeNull();
    }
    expect((await eventsOf('8200000000000001003')).map((e) => e.kind)).not.toContain('customer_data_requested');
  });

  it("erases a customer's personal data and the deliveries that carried it, keeping production and other customers intact", async () => {
    const jobsBefore = await app.owner`select id, stage_key from jobs order by number`;
    const handled = await request('customers/redact', { customer: { id: null, email: 'ADA@example.com', phone: '555' }, orders_to_redact: ['8200000000000001001'] });
    expect(handled.status).toBe('processed');
    expect(handled.raw_body).toBe(ERASED); // the request itself named her

    for (const id of ['8200000000000001001', '8200000000000001002']) {
      const customer = await customerOf(id);
      expect(customer).toMatchObject({ customer_email: null, customer_name: null, shipping_address: null });
      expect(customer?.redacted_at).toBeInstanceOf(Date);
      expect((await eventsOf(id)).at(-1)).toEqual({ kind: 'customer_data_erased', note: "Erased on the customer's request relayed by shopify" });
    }
    const bodies = await app.owner<{ raw_body: string }[]>`select raw_body from webhook_deliveries where raw_body ilike '%ada@example.com%'`;
    expect(bodies).toEqual([]);

    expect((await customerOf('8200000000000001003'))?.customer_email).toBe('grace@example.com');
    expect(await app.owner`select id, stage_key from jobs order by number`).toEqual(jobsBefore);
  });

  it('erases every customer of a shop that left, on shop/redact', async () => {
    expect((await request('app/uninstalled', { id: 1, name: 'Privacy Print' })).status).toBe('processed');
    const [shop] = await app.owner<{ uninstalled_at: Date | null }[]>`select uninstalled_at from shops where id = ${shopId}`;
    expect(shop?.uninstalled_at).toBeInstanceOf(Date);

    expect((await request('shop/redact', {})).status).toBe('processed');
    expect((await customerOf('8200000000000001003'))?.customer_email).toBeNull();
    const [left] = await app.owner<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where shop_id = ${shopId} and raw_body <> ${ERASED}`;
    expect(left?.n).toBe(0);
  });

  it('refuses a privacy request with a bad signature, with 401 and no change', async () => {
    const rawBody = JSON.stringify({ shop_domain: DOMAIN, customer: { email: 'grace@example.com' }, orders_to_redact: [] });
    const response = await fetch(`${app.baseUrl}/webhooks/shopify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'customers/redact', 'x-shopify-shop-domain': DOMAIN, 'x-shopify-hmac-sha256': 'Zm9yZ2Vk', 'x-shopify-webhook-id': 'forged', 'x-shopify-api-version': '2026-10' },
      body: rawBody,
    });
    expect(response.status).toBe(401);
    const [row] = await app.owner<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where delivery_key = 'forged'`;
    expect(row?.n).toBe(0);
  });
});
