import { describe, expect, it } from 'vitest';
import { defaultWorkflow, type TransitionContext } from '../workflow/index.ts';
import { stagePath } from './stage-path.ts';

const clear: TransitionContext = { preflightErrorCount: 0, preflightPendingCount: 0, unshippedQuantity: 0, heldFrom: null };
const keys = (from: string, to: string, context: Partial<TransitionContext> = {}) => stagePath(defaultWorkflow, from, to, { ...clear, ...context })?.map((s) => s.key) ?? null;

describe('stage path for a gang run', () => {
  it('walks the declared moves, fewest first', () => {
    expect(keys('received', 'scheduled')).toEqual(['preflight', 'approved', 'scheduled']);
    expect(keys('scheduled', 'post_processing')).toEqual(['in_production', 'post_processing']);
    expect(keys('approved', 'approved')).toEqual([]);
  });

  it('respects guards at every step', () => {
    expect(keys('received', 'scheduled', { preflightErrorCount: 1 })).toBeNull();
    expect(keys('scheduled', 'in_production', { preflightPendingCount: 1 })).toBeNull();
  });

  it('never goes backwards or through hold, done or cancelled stages', () => {
    expect(keys('in_production', 'scheduled')).toBeNull();
    expect(keys('on_hold', 'scheduled', { heldFrom: 'approved' })).toBeNull();
    expect(keys('received', 'nowhere')).toBeNull();
  });
});
