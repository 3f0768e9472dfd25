import { describe, expect, it } from 'vitest';
import { orderTimeline } from './order-timeline.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));

describe('order timeline', () => {
  it('a split order reaches a step when its slowest job does, and highlights the current one', () => {
    const timeline = orderTimeline({
      placedAt: at(0),
      status: 'in_production',
      jobIds: ['a', 'b'],
      moves: [
        { jobId: 'a', at: at(5), customerStatus: 'in_production' },
        { jobId: 'a', at: at(9), customerStatus: 'ready' },
        { jobId: 'b', at: at(7), customerStatus: 'in_production' },
      ],
      shipments: [],
    });
    expect(timeline.map((entry) => [entry.step, entry.at, entry.current])).toEqual([
      ['paid', at(0), false],
      ['in_production', at(7), true],
      ['ready', null, false],
      ['shipped', null, false],
      ['delivered', null, false],
    ]);
  });

  it('shipping steps come from the shipments; a held order stays where its moves got', () => {
    const shipped = orderTimeline({
      placedAt: at(0),
      status: 'shipped',
      jobIds: ['a'],
      moves: [{ jobId: 'a', at: at(5), customerStatus: 'ready' }],
      shipments: [{ createdAt: at(20), status: 'shipped', statusAt: at(20) }, { createdAt: at(30), status: 'shipped', statusAt: at(30) }],
    });
    expect(shipped.find((entry) => entry.current)).toMatchObject({ step: 'shipped', at: at(30) });
    const held = orderTimeline({ placedAt: at(0), status: 'on_hold', jobIds: ['a'], moves: [{ jobId: 'a', at: at(5), customerStatus: 'in_production' }], shipments: [] });
    expect(held.find((entry) => entry.current)?.step).toBe('in_production');
  });
});
