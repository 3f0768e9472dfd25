import { describe, expect, it } from 'vitest';
import { deriveOrderStatus } from './derive-order-status.ts';
import type { OrderStatusInput } from './order-status-types.ts';

const base: OrderStatusInput = {
  cancelled: false,
  lines: [
    { id: 'a', quantity: 2 },
    { id: 'b', quantity: 1 },
  ],
  jobs: [
    { customerStatus: 'in_production', holdReason: null, items: [{ orderLineId: 'a', quantity: 2 }] },
    { customerStatus: 'ready', holdReason: null, items: [{ orderLineId: 'b', quantity: 1 }] },
  ],
  shipments: [],
  eta: null,
  promisedAt: null,
};

describe('deriveOrderStatus', () => {
  it('stands where the least advanced line stands, with per-line progress', () => {
    const status = deriveOrderStatus(base);
    expect(status.status).toBe('in_production');
    expect(status.lines.map((line) => line.status)).toEqual(['in_production', 'ready']);
  });
  it('shows partial shipments per line and ships only when every unit has', () => {
    const partial = deriveOrderStatus({ ...base, shipments: [{ kind: 'carrier', status: 'shipped', lines: [{ orderLineId: 'b', quantity: 1 }] }] });
    expect(partial.partiallyShipped).toBe(true);
    expect(partial.lines[1]?.status).toBe('shipped');
    const all = deriveOrderStatus({
      ...base,
      shipments: [
        { kind: 'carrier', status: 'shipped', lines: [{ orderLineId: 'b', quantity: 1 }] },
        { kind: 'carrier', status: 'delivered', lines: [{ orderLineId: 'a', quantity: 2 }] },
      ],
    });
    expect(all.status).toBe('shipped');
    expect(all.partiallyShipped).toBe(false);
  });
  it('is delivered once every shipment is', () => {
    const status = deriveOrderStatus({ ...base, shipments: [{ kind: 'carrier', status: 'delivered', lines: [{ orderLineId: 'a', quantity: 2 }, { orderLineId: 'b', quantity: 1 }] }] });
    expect(status.status).toBe('delivered');
  });
  it('shows a hold with its reason', () => {
    const jobs = [{ customerStatus: 'on_hold' as const, holdReason: 'Waiting for artwork', items: [{ orderLineId: 'a', quantity: 2 }] }, base.jobs[1]!];
    expect(deriveOrderStatus({ ...base, jobs })).toMatchObject({ status: 'on_hold', holdReason: 'Waiting for artwork' });
  });
  it('is delayed when the ETA passes the promised date, until it ships', () => {
    const late = { ...base, eta: new Date('2026-06-10'), promisedAt: new Date('2026-06-08') };
    expect(deriveOrderStatus(late).status).toBe('delayed');
    expect(deriveOrderStatus({ ...late, eta: new Date('2026-06-07') }).status).toBe('in_production');
  });
  it('is cancelled when the order or every job is', () => {
    expect(deriveOrderStatus({ ...base, cancelled: true }).status).toBe('cancelled');
    const jobs = base.jobs.map((job) => ({ ...job, customerStatus: 'cancelled' as const }));
    expect(deriveOrderStatus({ ...base, jobs }).status).toBe('cancelled');
  });
});
