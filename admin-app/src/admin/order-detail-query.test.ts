import { describe, expect, it } from 'vitest';
import { describeEvent } from '../ops/event-timeline.tsx';
import { orderTimeline } from './order-detail-query.ts';

describe('an order timeline', () => {
  it("merges the order's and its jobs' events oldest first, each naming its subject", () => {
    const timeline = orderTimeline({
      events: [
        { at: '2030-01-01T10:00:00Z', actor: 'shopify', kind: 'received', note: null },
        { at: '2030-01-03T09:00:00Z', actor: 'scheduler', kind: 'eta_changed', note: 'ETA 5 Jan' },
      ],
      jobs: [
        { number: 'J-1', events: [{ at: '2030-01-01T10:00:00Z', actor: 'intake', kind: 'created', note: null, from: null, to: 'received' }, { at: '2030-01-02T08:00:00Z', actor: 'op', kind: 'transition', note: null, from: 'received', to: 'preflight' }] },
        { number: 'J-2', events: [{ at: '2030-01-04T08:00:00Z', actor: 'op', kind: 'location_changed', note: 'at Shelf 2', from: 'preflight', to: 'preflight' }] },
      ] as never,
    });
    expect(timeline.map((entry) => `${entry.subject} ${describeEvent(entry)}${entry.note ? ` (${entry.note})` : ''}`)).toEqual([
      'Order received',
      'J-1 received',
      'J-1 received → preflight',
      'Order eta changed (ETA 5 Jan)',
      'J-2 location changed (at Shelf 2)',
    ]);
  });
});
