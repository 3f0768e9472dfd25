import { transitionJob } from '@pressline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOf, placeOrder } from '../support/orders.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'report-print.myshopify.com';
const HOUR = 3600 * 1000;

describe('reports from the audit trail', () => {
  let app: TestApp;
  let shop: { shopId: string; apiKey: string };
  const base = Date.parse('2027-03-01T08:00:00Z');

  beforeAll(async () => {
    app = await startTestApp();
    shop = await app.addShop(DOMAIN);
    await placeOrder(app, DOMAIN, {
      id: '7100000000000000001',
      name: '#R1',
      email: 'r@example.com',
      lines: [
        { id: '7100000000000000011', title: 'Stickers', quantity: 10 },
        { id: '7100000000000000012', title: 'Canvas print', quantity: 1 },
      ],
    });
    const [stickers, canvas] = await jobsOf(app, shop.shopId);
    await app.owner`update jobs set due_at = ${new Date(base + 12 * HOUR)} where shop_id = ${shop.shopId}`;
    // Both jobs move at known times: the stickers spend 1 h in "approved", the canvas 3 h;
    // the stickers are collected at 10 h (before the 12 h due date), the canvas at 20 h.
    const plan: [string, string, number][] = [
      [stickers!.id, 'preflight', 0], [canvas!.id, 'preflight', 0],
      [stickers!.id, 'approved', 1], [canvas!.id, 'approved', 1],
      [stickers!.id, 'scheduled', 2], [canvas!.id, 'scheduled', 4],
      [stickers!.id, 'in_production', 3], [canvas!.id, 'in_production', 5],
      [stickers!.id, 'post_processing', 4], [canvas!.id, 'post_processing', 6],
      [stickers!.id, 'quality_check', 5], [canvas!.id, 'quality_check', 7],
      [stickers!.id, 'ready', 6], [canvas!.id, 'ready', 8],
      [stickers!.id, 'completed', 10], [canvas!.id, 'completed', 20],
    ];
    const clock = app.deps.clock;
    try {
      for (const [jobId, to, hours] of plan) {
        app.deps.clock = () => new Date(base + hours * HOUR);
        await transitionJob(app.deps, { shopId: shop.shopId, jobId, to, actor: 'operator:test' });
      }
    } finally {
      app.deps.clock = clock;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const window = { since: new Date(base - HOUR).toISOString(), until: new Date(base + 48 * HOUR).toISOString() };

  it('answers time per stage (median, p90), throughput, on-time rate and turnaround by product', async () => {
    const result = await app.graphql<{
      stageTimesReport: { stage: string; count: number; medianSeconds: number; p90Seconds: number }[];
      throughputReport: { day: string; jobs: number }[];
      onTimeReport: { finished: number; onTime: number; rate: number };
      turnaroundReport: { product: string; jobs: number; medianSeconds: number }[];
    }>(
      shop.apiKey,
      `query ($since: DateTime, $until: DateTime) {
        stageTimesReport(since: $since, until: $until) { stage count medianSeconds p90Seconds }
        throughputReport(since: $since, until: $until) { day jobs }
        onTimeReport(since: $since, until: $until) { finished onTime rate }
        turnaroundReport(since: $since, until: $until) { product jobs medianSeconds }
      }`,
      window,
    );
    expect(result.errors).toBeUndefined();
    const approved = result.data?.stageTimesReport.find((row) => row.stage === 'approved');
    expect(approved).toEqual({ stage: 'approved', count: 2, medianSeconds: 2 * 3600, p90Seconds: 2.8 * 3600 });
    const ready = result.data?.stageTimesReport.find((row) => row.stage === 'ready');
    expect(ready).toMatchObject({ count: 2, medianSeconds: 8 * 3600 });
    // The stickers were collected on 1 March at 18:00 UTC, the canvas on 2 March at 04:00.
    expect(result.data?.throughputReport).toEqual([{ day: '2027-03-01', jobs: 1 }, { day: '2027-03-02', jobs: 1 }]);
    expect(result.data?.onTimeReport).toEqual({ finished: 2, onTime: 1, rate: 0.5 });
    const turnaround = result.data?.turnaroundReport ?? [];
    expect(turnaround.map((row) => row.product)).toEqual(['Canvas print', 'Stickers']); // slowest first
  });

  it('shows where jobs stall, and refuses a period that runs backwards', async () => {
    const result = await app.graphql<{ bottlenecksReport: { stage: string; waiting: number }[] }>(shop.apiKey, `{ bottlenecksReport { stage waiting } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.bottlenecksReport).toEqual([]); // both jobs are done
    const backwards = await app.graphql(shop.apiKey, `{ throughputReport(since: "2027-03-02T00:00:00Z", until: "2027-03-01T00:00:00Z") { day } }`);
    expect(backwards.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });

  it('ranks machines by backlog, beside how long their jobs stay in production', async () => {
    const [press] = await app.owner<{ id: string }[]>`insert into machines (shop_id, name, processes) values (${shop.shopId}, 'Press A', '{digital_press}') returning id`;
    await app.owner`insert into machines (shop_id, name, processes) values (${shop.shopId}, 'Idle laser', '{laser}')`;
    // The two finished jobs ran on the press; a new order's job waits on it with 90 minutes of work.
    await app.owner`update jobs set machine_id = ${press!.id} where shop_id = ${shop.shopId}`;
    await placeOrder(app, DOMAIN, { id: '7100000000000000002', name: '#R2', email: 'r@example.com', lines: [{ id: '7100000000000000021', title: 'Flyers', quantity: 500 }] });
    await app.owner`
      update jobs set machine_id = ${press!.id}, duration_minutes = 90
      where shop_id = ${shop.shopId} and order_id = (select id from orders where shop_id = ${shop.shopId} and name = '#R2')`;
    const result = await app.graphql<{ machineBottlenecksReport: { machine: { name: string }; waiting: number; backlogMinutes: number; p90ProductionSeconds: number | null }[] }>(
      shop.apiKey,
      `query ($since: DateTime, $until: DateTime) { machineBottlenecksReport(since: $since, until: $until) { machine { name } waiting backlogMinutes p90ProductionSeconds } }`,
      window,
    );
    expect(result.errors).toBeUndefined();
    // Active stays on the press: 1 h each in production, post-processing and quality check for
    // both jobs, then 4 h and 12 h ready; p90 of those eight is 6.4 h.
    expect(result.data?.machineBottlenecksReport).toEqual([
      { machine: { name: 'Press A' }, waiting: 1, backlogMinutes: 90, p90ProductionSeconds: expect.closeTo(6.4 * 3600, 3) },
      { machine: { name: 'Idle laser' }, waiting: 0, backlogMinutes: 0, p90ProductionSeconds: null },
    ]);
  });
});
