import { describe, expect, it } from 'vitest';
import type { BoardJob } from './jobs-query.ts';
import { byUrgency, daysInStage, groupIntoLanes, laneOf, urgencyOf } from './lanes.ts';

const NOW = Date.parse('2030-06-10T12:00:00Z');
const stage = (category: string, customerStatus = 'in_production') => ({ key: category, label: category, category, customerStatus });

function job(overrides: Partial<BoardJob>): BoardJob {
  return {
    id: overrides.number ?? 'x',
    number: 'J-1',
    title: 'Banner',
    rush: false,
    dueAt: null,
    tags: [],
    stage: stage('queued', 'received'),
    stageEnteredAt: '2030-06-10T00:00:00Z',
    preflightStatus: 'PASSED',
    eta: null,
    location: null,
    machine: null,
    order: null,
    ...overrides,
  };
}

describe('the board lanes', () => {
  it('follow the stage: queued, in progress, ready; hold apart; done and cancelled gone', () => {
    expect(laneOf(job({ stage: stage('queued', 'received') }))).toBe('queued');
    expect(laneOf(job({ stage: stage('active') }))).toBe('active');
    expect(laneOf(job({ stage: stage('active', 'ready') }))).toBe('ready');
    expect(laneOf(job({ stage: stage('hold', 'on_hold') }))).toBe('hold');
    expect(laneOf(job({ stage: stage('done', 'shipped') }))).toBeNull();
    expect(laneOf(job({ stage: stage('cancelled', 'cancelled') }))).toBeNull();
  });

  it('put rush jobs first, then the earliest due date, undated last', () => {
    const jobs = [
      job({ number: 'J-5' }),
      job({ number: 'J-4', dueAt: '2030-06-20T00:00:00Z' }),
      job({ number: 'J-3', dueAt: '2030-06-12T00:00:00Z' }),
      job({ number: 'J-2', rush: true, dueAt: '2030-06-30T00:00:00Z' }),
      job({ number: 'J-1', rush: true }),
    ];
    expect(groupIntoLanes(jobs).queued.map((entry) => entry.number)).toEqual(['J-2', 'J-1', 'J-3', 'J-4', 'J-5']);
    expect([...jobs].sort(byUrgency).map((entry) => entry.number)).toEqual(['J-2', 'J-1', 'J-3', 'J-4', 'J-5']);
  });

  it('flag late jobs, and at-risk ones due within a day or planned to finish after their due date', () => {
    expect(urgencyOf(job({ dueAt: '2030-06-09T00:00:00Z' }), NOW)).toBe('late');
    expect(urgencyOf(job({ dueAt: '2030-06-11T00:00:00Z' }), NOW)).toBe('at_risk');
    expect(urgencyOf(job({ dueAt: '2030-06-20T00:00:00Z', eta: '2030-06-21T00:00:00Z' }), NOW)).toBe('at_risk');
    expect(urgencyOf(job({ dueAt: '2030-06-20T00:00:00Z', eta: '2030-06-15T00:00:00Z' }), NOW)).toBeNull();
    expect(urgencyOf(job({}), NOW)).toBeNull();
  });

  it('count whole days in the current stage', () => {
    expect(daysInStage(job({ stageEnteredAt: '2030-06-07T11:00:00Z' }), NOW)).toBe(3);
    expect(daysInStage(job({ stageEnteredAt: '2030-06-10T11:00:00Z' }), NOW)).toBe(0);
  });
});
