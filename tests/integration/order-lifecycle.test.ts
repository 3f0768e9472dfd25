import type { SimulatedOrder } from '@pressline/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder } from '../support/orders.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'lifecycle-print.myshopify.com';

/** One order's versions as Shopify would send them, each later than the last. */
function versions(id: string) {
  const base: SimulatedOrder = {
    id,
    name: `#${7100 + Number(id.slice(-2))}`,
    createdAt: '2026-11-20T10:00:00-05:00',
    lines: [
      { id: `${id}1`, title: 'Flyers A5', quantity: 500 },
      { id: `${id}2`, title: 'Banner 2m', quantity: 1 },
    ],
  };
  return {
    pending: { ...base, financialStatus: 'pending', updatedAt: '2026-11-20T10:00:00-05:00' },
    paid: { ...base, financialStatus: 'paid', updatedAt: '2026-11-20T10:05:00-05:00' },
    updated: { ...base, financialStatus: 'paid', note: 'Please use recycled paper', updatedAt: '2026-11-20T11:00:00-05:00' },
    cancelled: { ...base, financialStatus: 'refunded', cancelledAt: '2026-11-20T12:00:00-05:00', updatedAt: '2026-11-20T12:00:00-05:00' },
  };
}

describe('an order over its life in Shopify', () => {
  let app: TestApp;
  let shopId: string;
  let apiKey: string;
  let sequence = 0;

  beforeAll(async () => {
    app = await startTestApp();
    ({ shopId, apiKey } = await app.addShop(DOMAIN));
  });
  afterAll(() => app.close());

  const deliver = (topic: string, order: SimulatedOrder) => placeOrder(app, DOMAIN, order, { topic, webhookId: `life-${++sequence}` });
  const stateOf = async (externalId: string) => {
    const [order] = await app.owner<{ id: string; status: string; financial_status: string; note: string | null }[]>`
      select id, status, financial_status, note from orders where shop_id = ${shopId} and external_id = ${externalId}`;
    const jobs = order
      ? await app.owner<{ stage_key: string; events: number }[]>`
          select j.stage_key, (select count(*)::int from job_events e where e.job_id = j.id) as events
          from jobs j where j.order_id = ${order.id} order by j.number`
      : [];
    return { order, jobs };
  };

  it('waits for payment: a pending order makes no jobs until it is paid', async () => {
    const order = versions('7100000000000000001');
    await deliver('orders/create', order.pending);
    expect((await stateOf(order.pending.id)).jobs).toEqual([]);

    await deliver('orders/paid', order.paid);
    const state = await stateOf(order.paid.id);
    expect(state.order?.financial_status).toBe('paid');
    expect(state.jobs.map((job) => job.stage_key)).toEqual(['received', 'received']);
  });

  it('takes an update that overtook the paid notice, and the late paid notice neither doubles jobs nor rolls the order back', async () => {
    const order = versions('7100000000000000002');
    await deliver('orders/updated', order.updated);
    const afterUpdate = await stateOf(order.updated.id);
    expect(afterUpdate.jobs).toHaveLength(2);
    expect(afterUpdate.order?.note).toBe('Please use recycled paper');

    await deliver('orders/paid', order.paid); // older than what we hold
    const afterPaid = await stateOf(order.paid.id);
    expect(afterPaid.jobs).toHaveLength(2);
    expect(afterPaid.order?.note).toBe('Please use recycled paper');
  });

  it('cancels the jobs of a cancelled order, with the reason in their audit trail, and a stale retry does not revive them', async () => {
    const order = versions('7100000000000000003');
    await deliver('orders/paid', order.paid);
    await deliver('orders/cancelled', order.cancelled);
    const cancelled = await stateOf(order.cancelled.id);
    expect(cancelled.order?.status).toBe('cancelled');
    expect(cancelled.jobs).toEqual([
      { stage_key: 'cancelled', events: 2 },
      { stage_key: 'cancelled', events: 2 },
    ]);
    const [event] = await app.owner<{ actor: string; note: string }[]>`
      select e.actor, e.note from job_events e join jobs j on j.id = e.job_id
      where j.order_id = ${cancelled.order!.id} and e.to_stage = 'cancelled' limit 1`;
    expect(event).toEqual({ actor: 'system:intake', note: `Order ${order.paid.name} was cancelled or refunded in shopify` });

    await deliver('orders/paid', order.paid); // Shopify retries the original payload
    const after = await stateOf(order.paid.id);
    expect(after.order?.status).toBe('cancelled');
    expect(after.jobs.map((job) => job.stage_key)).toEqual(['cancelled', 'cancelled']);
  });

  it('never makes jobs for an order whose cancellation arrived first', async () => {
    const order = versions('7100000000000000004');
    await deliver('orders/cancelled', order.cancelled);
    await deliver('orders/paid', order.paid);
    const state = await stateOf(order.paid.id);
    expect(state.order?.status).toBe('cancelled');
    expect(state.jobs).toEqual([]);
  });

  it('leaves finished jobs alone when a completed order is cancelled afterwards', async () => {
    const order = versions('7100000000000000005');
    await deliver('orders/paid', order.paid);
    const [job] = await app.owner<{ id: string }[]>`
      select j.id from jobs j join orders o on o.id = j.order_id where o.external_id = ${order.paid.id} order by j.number limit 1`;
    for (const stage of ['preflight', 'approved', 'scheduled', 'in_production', 'post_processing', 'quality_check', 'ready', 'completed']) {
      const moved = await app.graphql(apiKey, `mutation { transitionJob(id: "${job!.id}", to: "${stage}") { id } }`);
      expect(moved.errors, stage).toBeUndefined();
    }
    await deliver('orders/cancelled', order.cancelled);
    const state = await stateOf(order.paid.id);
    expect(state.jobs.map((j) => j.stage_key)).toEqual(['completed', 'cancelled']);
  });
});
