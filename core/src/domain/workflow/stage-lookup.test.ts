import { describe, expect, it } from 'vitest';
import { defaultWorkflow } from './default-workflow.ts';
import { customerStatusOf, stageByKey } from './stage-lookup.ts';
import { heldFromAfterMove } from './held-from.ts';

describe('stage lookup', () => {
  it('finds a stage and its customer status by key', () => {
    expect(stageByKey(defaultWorkflow, 'ready')?.label).toBe('Ready for pickup/shipping');
    expect(customerStatusOf(defaultWorkflow, 'scheduled')).toBe('in_production');
    expect(customerStatusOf(defaultWorkflow, 'on_hold')).toBe('on_hold');
    expect(stageByKey(defaultWorkflow, 'nope')).toBeUndefined();
    expect(customerStatusOf(defaultWorkflow, 'nope')).toBeUndefined();
  });

  it('keeps the default stages in production order', () => {
    expect(defaultWorkflow.stages.map((stage) => stage.key)).toEqual([
      'received', 'preflight', 'approved', 'scheduled', 'in_production', 'post_processing',
      'quality_check', 'ready', 'shipped', 'completed', 'on_hold', 'cancelled',
    ]);
  });

  it('cannot be changed by one shop for everyone', () => {
    expect(() => defaultWorkflow.stages.push(defaultWorkflow.stages[0]!)).toThrow(TypeError);
    expect(() => {
      defaultWorkflow.stages[0]!.label = 'Hacked';
    }).toThrow(TypeError);
  });
});

describe('heldFromAfterMove', () => {
  const stage = (key: string) => stageByKey(defaultWorkflow, key)!;
  const paused = { key: 'paused', label: 'Paused', category: 'hold', customerStatus: 'on_hold' } as const;

  it('remembers the stage a job was held from and forgets it on resume', () => {
    expect(heldFromAfterMove({ from: stage('scheduled'), to: stage('on_hold'), heldFrom: null })).toBe('scheduled');
    expect(heldFromAfterMove({ from: stage('on_hold'), to: stage('scheduled'), heldFrom: 'scheduled' })).toBeNull();
    expect(heldFromAfterMove({ from: stage('on_hold'), to: stage('cancelled'), heldFrom: 'scheduled' })).toBeNull();
  });

  it('keeps the original stage when moving between hold stages', () => {
    expect(heldFromAfterMove({ from: stage('on_hold'), to: paused, heldFrom: 'ready' })).toBe('ready');
  });
});
