import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const CREATE = `mutation ($input: ManualOrderInput!) {
  createManualOrder(input: $input) { id name customerName jobs { id number title rush dueAt tags stage { key } } }
}`;

describe('manual orders (walk-in, phone)', () => {
  let app: TestApp;
  let apiKey: string;
  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop('counter.myshopify.com'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('become jobs through the same intake, carrying due date, rush and tags', async () => {
    const dueAt = '2030-05-01T17:00:00.000Z';
    const result = await app.graphql<{ createManualOrder: { name: string; customerName: string; jobs: { number: string; title: string; rush: boolean; dueAt: string; tags: string[]; stage: { key: string } }[] } }>(apiKey, CREATE, {
      input: { customerName: 'Ada Walkin', items: [{ title: 'Banner 2×1 m', quantity: 2 }], dueAt, rush: true, tags: ['phone'] },
    });
    expect(result.errors).toBeUndefined();
    const order = result.data!.createManualOrder;
    expect(order).toMatchObject({ name: 'M-1001', customerName: 'Ada Walkin' });
    expect(order.jobs).toHaveLength(1);
    expect(order.jobs[0]).toMatchObject({ rush: true, dueAt, stage: { key: 'received' } });
    expect(order.jobs[0]!.tags).toEqual(expect.arrayContaining(['manual', 'rush', 'phone']));

    const second = await app.graphql<{ createManualOrder: { name: string } }>(apiKey, CREATE, { input: { customerName: 'Bo Phone', items: [{ title: 'Flyers', quantity: 500 }] } });
    expect(second.data?.createManualOrder.name).toBe('M-1002');
  });

  it('refuses an order without items or with a bad quantity, creating nothing', async () => {
    for (const items of [[], [{ title: 'Mug', quantity: 0 }], [{ title: '  ', quantity: 1 }]]) {
      const result = await app.graphql(apiKey, CREATE, { input: { customerName: 'Cy', items } });
      expect(result.errors?.[0]?.extensions?.['code'], JSON.stringify(items)).toBe('BAD_REQUEST');
    }
    const orders = await app.owner<{ n: number }[]>`select count(*)::int as n from orders where name like 'M-%'`;
    expect(orders[0]!.n).toBe(2);
  });

  it('prints a job ticket as a PDF', async () => {
    const jobs = await app.graphql<{ jobs: { nodes: { id: string }[] } }>(apiKey, '{ jobs(first: 1) { nodes { id } } }');
    const response = await fetch(`${app.baseUrl}/api/jobs/${jobs.data!.jobs.nodes[0]!.id}/ticket.pdf`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('a manual order on its way out', () => {
  let app: TestApp;
  let apiKey: string;
  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop('walkin.myshopify.com'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('pushes nothing to the platform, which never saw it, and fails nothing', async () => {
    const created = await app.graphql<{ createManualOrder: { id: string; jobs: { id: string }[]; lines: { id: string; quantity: number }[] } }>(
      apiKey,
      'mutation { createManualOrder(input: { customerName: "Ada", items: [{ title: "Sign", quantity: 1 }] }) { id jobs { id } lines { id quantity } } }',
    );
    const order = created.data!.createManualOrder;
    const jobId = order.jobs[0]!.id;
    for (const to of ['preflight', 'approved', 'scheduled', 'in_production', 'post_processing', 'quality_check', 'ready']) {
      const moved = await app.graphql(apiKey, 'mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { id } }', { id: jobId, to });
      expect(moved.errors, to).toBeUndefined();
    }
    const shipped = await app.graphql(apiKey, 'mutation ($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }', {
      input: { orderId: order.id, carrier: 'UPS', trackingNumbers: ['1Z1'], lines: order.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })) },
    });
    expect(shipped.errors).toBeUndefined();
    expect((await app.graphql(apiKey, 'mutation ($id: ID!) { transitionJob(id: $id, to: "shipped") { id } }', { id: jobId })).errors).toBeUndefined();
    // The board asks only for jobs still on the shop floor.
    const open = await app.graphql<{ jobs: { nodes: { id: string }[] } }>(apiKey, '{ jobs(first: 50, filter: { open: true }) { nodes { id } } }');
    expect(open.data!.jobs.nodes.map((job) => job.id)).not.toContain(jobId);
    const all = await app.graphql<{ jobs: { nodes: { id: string }[] } }>(apiKey, '{ jobs(first: 50) { nodes { id } } }');
    expect(all.data!.jobs.nodes.map((job) => job.id)).toContain(jobId);

    const effects = await eventually(async () => {
      const rows = await app.owner<{ kind: string; status: string }[]>`select kind, status from outbox where order_id = ${order.id}`;
      return rows.length > 0 && rows.every((row) => row.status !== 'pending') ? rows : undefined;
    });
    const platformKinds = effects.filter((row) => ['push_status', 'create_fulfillment', 'order_note', 'update_tracking'].includes(row.kind));
    expect(platformKinds.length).toBeGreaterThan(0);
    expect(platformKinds.every((row) => row.status === 'skipped')).toBe(true);
    expect(effects.filter((row) => row.status === 'failed')).toEqual([]);
  });
});
