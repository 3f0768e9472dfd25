import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSigned } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

// Shopify's official sample order webhook, verbatim from ../shared/reference/samples.
const SAMPLE = readFileSync(fileURLToPath(new URL('../../connectors/src/shopify/fixtures/order-webhook.sample.json', import.meta.url)), 'utf8');
const DOMAIN = 'sample-shop.myshopify.com';

interface LineView {
  externalId: string;
  title: string;
  quantity: number;
  sku: string | null;
  files: { name: string; url: string }[];
}
interface OrderView {
  externalId: string;
  name: string;
  status: string;
  shippingMethod: string | null;
  shippingAddress: Record<string, string | null> | null;
  lines: LineView[];
  jobs: { items: { quantity: number; orderLine: { externalId: string } }[] }[];
}

describe("Shopify's own sample order through intake", () => {
  let app: TestApp;
  let apiKey: string;
  let sequence = 0;

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop(DOMAIN));
  });
  afterAll(() => app.close());

  const deliver = async (rawBody: string) => {
    const response = await sendSigned(app, { shopDomain: DOMAIN, topic: 'orders/paid', webhookId: `sample-${++sequence}`, rawBody });
    expect(response.status).toBe(200);
  };
  const order = (externalId: string) =>
    eventually(async () => {
      const result = await app.graphql<{ orders: { nodes: OrderView[] } }>(
        apiKey,
        `query ($id: String) { orders(first: 1, filter: { externalId: $id }) { nodes {
          externalId name status shippingMethod
          shippingAddress { name company address1 address2 city province postalCode countryCode phone }
          lines { externalId title quantity sku files { name url } }
          jobs { items { quantity orderLine { externalId } } } } } }`,
        { id: externalId },
      );
      return result.data?.orders.nodes[0];
    });

  it('keeps its exact ids and its line, and makes no job for an order the sample says was voided and cancelled', async () => {
    await deliver(SAMPLE);
    const stored = await order('820982911946154508');
    expect(stored).toMatchObject({ externalId: '820982911946154508', name: '#9999', status: 'CANCELLED', jobs: [] });
    expect(stored.lines).toEqual([{ externalId: '487817672276298554', title: 'Aviator sunglasses', quantity: 1, sku: 'SKU2006-001', files: [] }]);
    expect(stored.shippingMethod).toBe('Generic Shipping');
    expect(stored.shippingAddress).toEqual({
      name: 'Steve Shipper',
      company: 'Shipping Company',
      address1: '123 Shipping Street',
      address2: null,
      city: 'Shippington',
      province: 'Kentucky',
      postalCode: '40003',
      countryCode: 'US',
      phone: '555-555-SHIP',
    });
  });

  it('makes one job for its line once the same order is paid, with the file the customer attached', async () => {
    const paid = SAMPLE.replace('820982911946154508', '820982911946154599')
      .replace('"financial_status": "voided"', '"financial_status": "paid"')
      .replace(/"cancelled_at": "[^"]+"/, '"cancelled_at": null')
      .replace('"properties": []', '"properties": [{"name": "Engraving artwork", "value": "https://files.example.com/artwork.svg"}]');
    await deliver(paid);
    const stored = await eventually(async () => {
      const view = await order('820982911946154599');
      return view.jobs.length === 1 ? view : undefined;
    });
    expect(stored.status).toBe('OPEN');
    expect(stored.lines[0]?.files).toEqual([{ name: 'Engraving artwork', url: 'https://files.example.com/artwork.svg' }]);
    expect(stored.jobs[0]?.items).toEqual([{ quantity: 1, orderLine: { externalId: '487817672276298554' } }]);
  });
});
