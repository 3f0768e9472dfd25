import type { SimulatedOrder } from '@pressline/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, placeOrder } from '../support/orders.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'split.myshopify.com';
const RULES = '{ splitRules { match { sku productExternalId variantExternalId } mode maxUnitsPerJob } }';
const SAVE = 'mutation ($rules: [SplitRuleInput!]!) { saveSplitRules(rules: $rules) { match { sku productExternalId variantExternalId } mode maxUnitsPerJob } }';

interface PlannedJob {
  title: string;
  items: { sku: string | null; quantity: number }[];
}

describe('split rules', () => {
  let app: TestApp;
  let apiKey: string;
  let shopId: string;
  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey, shopId } = await app.addShop(DOMAIN));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The order's jobs with what each holds, in job-number order. */
  async function jobsOfOrder(name: string): Promise<PlannedJob[]> {
    const rows = await app.owner<{ number: number; title: string; sku: string | null; quantity: number }[]>`
      select j.number, j.title, l.sku, i.quantity
      from jobs j
      join orders o on o.shop_id = j.shop_id and o.id = j.order_id
      join job_items i on i.shop_id = j.shop_id and i.job_id = j.id
      join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
      where j.shop_id = ${shopId} and o.name = ${name}
      order by j.number, l.external_id, i.quantity desc`;
    const jobs = new Map<number, PlannedJob>();
    for (const row of rows) {
      const job = jobs.get(row.number) ?? { title: row.title, items: [] };
      job.items.push({ sku: row.sku, quantity: row.quantity });
      jobs.set(row.number, job);
    }
    return [...jobs.values()];
  }

  const order: SimulatedOrder = {
    id: '7100000000000000001',
    name: '#7001',
    createdAt: '2026-11-30T10:00:00Z',
    lines: [
      { id: '71001', title: 'Mug', quantity: 3, sku: 'MUG' },
      { id: '71002', title: 'Sticker round', quantity: 100, sku: 'ST-R', productId: '8800' },
      { id: '71003', title: 'Flyer A5', quantity: 2500, sku: 'FLY' },
      { id: '71004', title: 'Sticker square', quantity: 50, sku: 'ST-S', productId: '8800' },
      { id: '71005', title: 'Poster', quantity: 1, sku: 'POS' },
    ],
  };

  it('starts with none: one job per line', async () => {
    const result = await app.graphql<{ splitRules: unknown[] }>(apiKey, RULES);
    expect(result.data?.splitRules).toEqual([]);
  });

  it('saves rules in order and gives them back', async () => {
    const rules = [
      { match: { sku: 'MUG' }, mode: 'per_unit' },
      { match: { productExternalId: '8800' }, mode: 'combine' },
      { match: { sku: 'FLY' }, mode: 'per_line', maxUnitsPerJob: 1000 },
    ];
    const saved = await app.graphql<{ saveSplitRules: unknown[] }>(apiKey, SAVE, { rules });
    expect(saved.errors).toBeUndefined();
    const expected = [
      { match: { sku: 'MUG', productExternalId: null, variantExternalId: null }, mode: 'per_unit', maxUnitsPerJob: null },
      { match: { sku: null, productExternalId: '8800', variantExternalId: null }, mode: 'combine', maxUnitsPerJob: null },
      { match: { sku: 'FLY', productExternalId: null, variantExternalId: null }, mode: 'per_line', maxUnitsPerJob: 1000 },
    ];
    expect(saved.data?.saveSplitRules).toEqual(expected);
    expect((await app.graphql<{ splitRules: unknown[] }>(apiKey, RULES)).data?.splitRules).toEqual(expected);
  });

  it('splits a new order by them: a job per mug, the stickers together, the flyers in runs of 1000', async () => {
    await placeOrder(app, DOMAIN, order);
    expect(await jobsOfOrder('#7001')).toEqual([
      { title: 'Mug (1 of 3)', items: [{ sku: 'MUG', quantity: 1 }] },
      { title: 'Mug (2 of 3)', items: [{ sku: 'MUG', quantity: 1 }] },
      { title: 'Mug (3 of 3)', items: [{ sku: 'MUG', quantity: 1 }] },
      { title: 'Sticker round + 1 more', items: [{ sku: 'ST-R', quantity: 100 }, { sku: 'ST-S', quantity: 50 }] },
      { title: 'Flyer A5 (part 1 of 3)', items: [{ sku: 'FLY', quantity: 1000 }] },
      { title: 'Flyer A5 (part 2 of 3)', items: [{ sku: 'FLY', quantity: 1000 }] },
      { title: 'Flyer A5 (part 3 of 3)', items: [{ sku: 'FLY', quantity: 500 }] },
      { title: 'Poster', items: [{ sku: 'POS', quantity: 1 }] },
    ]);
  });

  it('creates no extra job when the order comes again, even after the rules changed', async () => {
    const before = await jobsOfOrder('#7001');
    await placeOrder(app, DOMAIN, order, { webhookId: 'wh-split-again' });
    expect(await jobsOfOrder('#7001')).toEqual(before);

    expect((await app.graphql(apiKey, SAVE, { rules: [{ match: { sku: 'POS' }, mode: 'per_unit' }] })).errors).toBeUndefined();
    await placeOrder(app, DOMAIN, { ...order, updatedAt: '2026-11-30T11:00:00Z' }, { webhookId: 'wh-split-update', topic: 'orders/updated' });
    expect(await jobsOfOrder('#7001')).toEqual(before);

    // A line the update adds is split by the rules in force now.
    const added = { ...order, updatedAt: '2026-11-30T12:00:00Z', lines: [...order.lines, { id: '71006', title: 'Poster XL', quantity: 2, sku: 'POS' }] };
    await placeOrder(app, DOMAIN, added, { webhookId: 'wh-split-added', topic: 'orders/updated' });
    expect((await jobsOfOrder('#7001')).slice(before.length)).toEqual([
      { title: 'Poster XL (1 of 2)', items: [{ sku: 'POS', quantity: 1 }] },
      { title: 'Poster XL (2 of 2)', items: [{ sku: 'POS', quantity: 1 }] },
    ]);
  });

  it('refuses an invalid rule, naming the field, and keeps the rules it had', async () => {
    const before = (await app.graphql<{ splitRules: unknown[] }>(apiKey, RULES)).data?.splitRules;
    const result = await app.graphql(apiKey, SAVE, {
      rules: [
        { match: { sku: 'OK' }, mode: 'per_line' },
        { match: { sku: 'BAD' }, mode: 'split', maxUnitsPerJob: 0 },
      ],
    });
    expect(errorCodes(result)).toEqual(['BAD_REQUEST']);
    expect(result.errors?.[0]?.message).toContain('rules.1.mode');
    expect(result.errors?.[0]?.message).toContain('rules.1.maxUnitsPerJob');
    const capped = await app.graphql(apiKey, SAVE, { rules: [{ match: { sku: 'MUG' }, mode: 'per_unit', maxUnitsPerJob: 2 }] });
    expect(capped.errors?.[0]?.message).toContain('rules.0.maxUnitsPerJob');
    expect((await app.graphql<{ splitRules: unknown[] }>(apiKey, RULES)).data?.splitRules).toEqual(before);
  });

  it("keeps each shop's rules to itself", async () => {
    const other = await app.addShop('other-split.myshopify.com');
    expect((await app.graphql<{ splitRules: unknown[] }>(other.apiKey, RULES)).data?.splitRules).toEqual([]);
  });
});
