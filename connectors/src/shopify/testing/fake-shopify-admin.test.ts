import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeShopifyAdmin, type FakeShopifyAdmin } from './fake-shopify-admin.ts';

let now = 0;
let fake: FakeShopifyAdmin;
beforeEach(async () => {
  now = Date.parse('2026-10-01T00:00:00Z');
  fake = await createFakeShopifyAdmin({ now: () => now });
  fake.listen();
  fake.seedOrder({ id: '9007199254740993', name: '#1', lines: [{ id: '1', title: 'Poster', quantity: 2 }] });
});
afterEach(() => fake.close());

async function post(query: string, variables: Record<string, unknown> = {}, token = fake.accessToken) {
  const response = await fetch(`https://${fake.shopDomain}/admin/api/2026-10/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ORDER_QUERY = 'query { order(id: "gid://shopify/Order/9007199254740993") { legacyResourceId name } }';

describe('fake Shopify Admin API', () => {
  it('answers with data and the query’s cost', async () => {
    const { status, body } = await post(ORDER_QUERY);

    expect(status).toBe(200);
    expect(body).toEqual({
      data: { order: { legacyResourceId: '9007199254740993', name: '#1' } },
      extensions: {
        cost: { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 } },
      },
    });
  });

  it('validates operations against the documented schema', async () => {
    const { body } = await post('query { order(id: "gid://shopify/Order/1") { financialStatus } }');
    expect(body).toMatchObject({ errors: [{ message: expect.stringContaining('financialStatus') }] });
    expect(body).not.toHaveProperty('data');
  });

  it('refuses a query whose requested cost exceeds 1000', async () => {
    const { body } = await post('query { orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }');
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'MAX_COST_EXCEEDED', cost: 2 + 250 * (1 + 2 + 250) } }] });
  });

  it('charges a connection by its page size', async () => {
    const { body } = await post('query { orders(first: 10) { nodes { lineItems(first: 5) { nodes { id variant { id } } } } } }');
    expect(body).toMatchObject({ extensions: { cost: { requestedQueryCost: 2 + 10 * (1 + 2 + 5 * 2) } } });
  });

  it('throttles when the bucket cannot hold the cost, and restores it over time', async () => {
    fake.setAvailablePoints(0);

    const throttled = await post(ORDER_QUERY);
    now += 5; // half a point back: not enough yet
    const stillThrottled = await post(ORDER_QUERY);
    now += 1000;
    const restored = await post(ORDER_QUERY);

    expect(throttled).toMatchObject({
      status: 200,
      body: {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        extensions: { cost: { requestedQueryCost: 1, throttleStatus: { currentlyAvailable: 0, restoreRate: 100 } } },
      },
    });
    expect(stillThrottled.body).toMatchObject({ errors: [{ extensions: { code: 'THROTTLED' } }] });
    expect(restored.body).toMatchObject({ data: { order: { name: '#1' } } });
  });

  it('answers 401 to a token it does not know', async () => {
    const { status, body } = await post(ORDER_QUERY, {}, 'shpat_wrong');
    expect(status).toBe(401);
    expect(body).toEqual({ errors: expect.stringContaining('Invalid API key or access token') });
  });

  it('applies a mutation and then loses the response when asked', async () => {
    fake.failNext('tagsAdd', { status: 500, afterApplying: true });

    const { status } = await post('mutation { tagsAdd(id: "gid://shopify/Order/9007199254740993", tags: ["rush"]) { userErrors { message } } }');

    expect(status).toBe(500);
    expect(fake.order('9007199254740993')!.tags).toEqual(['rush']);
  });

  it('reports userErrors the way Shopify does', async () => {
    const { body } = await post(
      'mutation ($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message code } } }',
      { m: [{ ownerId: 'gid://shopify/Order/9007199254740993', namespace: 'pressline', key: 'status', value: '{oops', type: 'json' }] },
    );
    expect(body).toMatchObject({
      data: { metafieldsSet: { metafields: null, userErrors: [{ field: ['metafields', '0', 'value'], code: 'INVALID_VALUE' }] } },
    });
  });

  it('exposes handlers for a test’s own msw server', () => {
    expect(fake.handlers).toHaveLength(1);
  });
});
