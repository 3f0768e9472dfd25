import { describe, expect, it } from 'vitest';
import { decideTransition, nextStages } from './decide-transition.ts';
import { defaultWorkflow } from './default-workflow.ts';
import type { TransitionContext, Workflow } from './workflow-types.ts';

const clear: TransitionContext = { preflightErrorCount: 0, preflightPendingCount: 0, unshippedQuantity: 0, heldFrom: null };

function decide(from: string, to: string, context: Partial<TransitionContext> = {}) {
  return decideTransition(defaultWorkflow, { from, to, context: { ...clear, ...context } });
}

function keys(from: string, context: Partial<TransitionContext> = {}) {
  return nextStages(defaultWorkflow, from, { ...clear, ...context }).map((stage) => stage.key);
}

describe('default workflow: forward moves', () => {
  const forward: [string, string, string[]][] = [
    ['received', 'preflight', ['pushStatus']],
    ['preflight', 'approved', []],
    ['approved', 'scheduled', ['pushStatus']],
    ['scheduled', 'in_production', []],
    ['in_production', 'post_processing', []],
    ['post_processing', 'quality_check', []],
    ['quality_check', 'ready', ['pushStatus']],
    ['ready', 'shipped', ['createFulfillment', 'notifyCustomer']],
    ['shipped', 'completed', ['pushStatus']],
  ];

  it.each(forward)('%s → %s is allowed with actions %j', (from, to, actions) => {
    const result = decide(from, to);
    expect(result).toMatchObject({ ok: true, from: { key: from }, to: { key: to } });
    expect(result.ok && result.actions).toEqual(actions);
  });

  it('pushes status exactly on the forward moves that change the customer status', () => {
    for (const [from, to, actions] of forward) {
      const fromStatus = defaultWorkflow.stages.find((s) => s.key === from)?.customerStatus;
      const toStatus = defaultWorkflow.stages.find((s) => s.key === to)?.customerStatus;
      // Shipping tells the storefront through the fulfillment instead.
      if (to === 'shipped') continue;
      expect(actions.includes('pushStatus'), `${from} → ${to}`).toBe(fromStatus !== toStatus);
    }
  });

  it('allows the side paths: pickup, rework, re-upload, re-check', () => {
    expect(decide('ready', 'completed')).toMatchObject({ ok: true, actions: ['pushStatus'] });
    expect(decide('quality_check', 'in_production')).toMatchObject({ ok: true, actions: [] });
    expect(decide('preflight', 'received')).toMatchObject({ ok: true, actions: ['pushStatus'] });
    expect(decide('approved', 'preflight')).toMatchObject({ ok: true, actions: [] });
  });
});

describe('default workflow: illegal moves', () => {
  it('rejects a jump with the stages allowed right now, in a readable message', () => {
    expect(decide('received', 'shipped')).toEqual({
      ok: false,
      reason: 'not_allowed',
      message: 'Job cannot move from "Received" to "Shipped"; allowed: Preflight, On hold, Cancelled',
      allowed: ['preflight', 'on_hold', 'cancelled'],
    });
  });

  it.each([
    ['received', 'approved'],
    ['preflight', 'scheduled'],
    ['scheduled', 'approved'],
    ['in_production', 'ready'],
    ['post_processing', 'in_production'],
    ['ready', 'quality_check'],
    ['received', 'completed'],
  ])('rejects %s → %s', (from, to) => {
    expect(decide(from, to)).toMatchObject({ ok: false, reason: 'not_allowed' });
  });

  it('rejects staying in the same stage', () => {
    expect(decide('scheduled', 'scheduled')).toMatchObject({
      ok: false,
      reason: 'same_stage',
      message: 'Job is already in "Scheduled"',
      allowed: ['in_production', 'on_hold', 'cancelled'],
    });
  });

  it('rejects unknown stages on either side', () => {
    expect(decide('printing', 'ready')).toEqual({
      ok: false,
      reason: 'unknown_stage',
      message: 'Unknown stage "printing"',
      allowed: [],
    });
    expect(decide('received', 'printing')).toMatchObject({
      ok: false,
      reason: 'unknown_stage',
      message: 'Unknown stage "printing"',
      allowed: ['preflight', 'on_hold', 'cancelled'],
    });
  });
});

describe('default workflow: guards', () => {
  it('blocks approval while preflight has errors, and says how many', () => {
    expect(decide('preflight', 'approved', { preflightErrorCount: 2 })).toEqual({
      ok: false,
      reason: 'guard_failed',
      message: 'Job cannot move from "Preflight" to "Approved": preflight found 2 errors',
      allowed: ['received', 'on_hold', 'cancelled'],
      failedGuards: ['noPreflightErrors'],
    });
  });

  it('blocks shipping while units are unshipped', () => {
    expect(decide('ready', 'shipped', { unshippedQuantity: 1 })).toMatchObject({
      ok: false,
      reason: 'guard_failed',
      message: 'Job cannot move from "Ready for pickup/shipping" to "Shipped": 1 unit is not shipped yet',
      failedGuards: ['allItemsShipped'],
    });
  });

  it('fails a guard whose input is not a number rather than letting the job through', () => {
    expect(decide('preflight', 'approved', { preflightErrorCount: Number.NaN })).toMatchObject({
      ok: false,
      reason: 'guard_failed',
    });
  });

  it('leaves guarded stages out of nextStages until the guard passes', () => {
    expect(keys('preflight', { preflightErrorCount: 1 })).toEqual(['received', 'on_hold', 'cancelled']);
    expect(keys('preflight')).toEqual(['received', 'approved', 'on_hold', 'cancelled']);
    expect(keys('ready', { unshippedQuantity: 3 })).toEqual(['completed', 'on_hold', 'cancelled']);
    expect(keys('ready')).toEqual(['shipped', 'completed', 'on_hold', 'cancelled']);
  });

  it('does not let an unrelated failing guard block a pickup', () => {
    expect(decide('ready', 'completed', { unshippedQuantity: 5, preflightErrorCount: 5 }).ok).toBe(true);
  });
});

describe('default workflow: hold and resume', () => {
  const holdable = ['received', 'preflight', 'approved', 'scheduled', 'in_production', 'post_processing', 'quality_check', 'ready'];

  it.each(holdable)('puts a job in %s on hold', (from) => {
    expect(decide(from, 'on_hold')).toMatchObject({ ok: true, to: { key: 'on_hold' }, actions: ['pushStatus'] });
  });

  it('resumes only to the stage the job was held from', () => {
    expect(decide('on_hold', 'post_processing', { heldFrom: 'post_processing' })).toMatchObject({
      ok: true,
      to: { key: 'post_processing' },
      actions: ['pushStatus'],
    });
    expect(decide('on_hold', 'ready', { heldFrom: 'post_processing' })).toEqual({
      ok: false,
      reason: 'not_allowed',
      message: 'Job cannot move from "On hold" to "Ready for pickup/shipping"; allowed: Post-processing, Cancelled',
      allowed: ['post_processing', 'cancelled'],
    });
  });

  it('offers only cancelling when it is not known where the job was held from', () => {
    expect(keys('on_hold', { heldFrom: null })).toEqual(['cancelled']);
    expect(keys('on_hold', { heldFrom: 'no_such_stage' })).toEqual(['cancelled']);
  });

  it('never resumes straight into a done stage', () => {
    expect(decide('on_hold', 'shipped', { heldFrom: 'shipped' }).ok).toBe(false);
  });

  it('applies resume guards of the way back in, not the way forward', () => {
    // Resuming to preflight does not need preflight to be clean; approving does.
    expect(decide('on_hold', 'preflight', { heldFrom: 'preflight', preflightErrorCount: 4 }).ok).toBe(true);
  });
});

describe('default workflow: cancelling and terminal stages', () => {
  it.each(['received', 'preflight', 'approved', 'scheduled', 'in_production', 'post_processing', 'quality_check', 'ready', 'on_hold'])(
    'cancels from %s and notifies the customer',
    (from) => {
      expect(decide(from, 'cancelled', { heldFrom: 'scheduled' })).toMatchObject({
        ok: true,
        to: { key: 'cancelled' },
        actions: ['notifyCustomer'],
      });
    },
  );

  it('cannot cancel a completed or shipped job', () => {
    expect(decide('completed', 'cancelled')).toEqual({
      ok: false,
      reason: 'not_allowed',
      message: 'Job cannot move from "Completed" to "Cancelled"; no move is allowed from here',
      allowed: [],
    });
    expect(decide('shipped', 'cancelled')).toMatchObject({ ok: false, reason: 'not_allowed', allowed: ['completed'] });
  });

  it('has no way out of completed or cancelled, and only completion out of shipped', () => {
    expect(keys('completed')).toEqual([]);
    expect(keys('cancelled', { heldFrom: 'received' })).toEqual([]);
    expect(keys('shipped')).toEqual(['completed']);
    expect(decide('cancelled', 'received')).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(decide('completed', 'on_hold')).toMatchObject({ ok: false, reason: 'not_allowed' });
  });

  it('lists next stages in workflow order', () => {
    expect(keys('quality_check')).toEqual(['in_production', 'ready', 'on_hold', 'cancelled']);
    expect(keys('approved')).toEqual(['preflight', 'scheduled', 'on_hold', 'cancelled']);
    expect(nextStages(defaultWorkflow, 'nope', clear)).toEqual([]);
  });
});

describe('custom workflows', () => {
  const workflow: Workflow = {
    initialStage: 'new',
    stages: [
      { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
      { key: 'proofing', label: 'Proofing', category: 'queued', customerStatus: 'in_review' },
      { key: 'done', label: 'Done', category: 'done', customerStatus: 'completed' },
    ],
    transitions: [
      { from: 'new', to: 'proofing', guards: ['noPreflightErrors'], actions: ['pushStatus'] },
      // A second, unguarded way with different actions: the first passing rule decides.
      { from: 'new', to: 'proofing', guards: ['allItemsShipped'], actions: ['notifyCustomer', 'notifyCustomer'] },
      { from: 'proofing', to: 'done' },
    ],
  };

  it('takes the actions of the first rule whose guards pass', () => {
    const run = (context: Partial<TransitionContext>) =>
      decideTransition(workflow, { from: 'new', to: 'proofing', context: { ...clear, ...context } });
    expect(run({})).toMatchObject({ ok: true, actions: ['pushStatus'] });
    expect(run({ preflightErrorCount: 1 })).toMatchObject({ ok: true, actions: ['notifyCustomer'] });
    expect(run({ preflightErrorCount: 1, unshippedQuantity: 1 })).toMatchObject({
      ok: false,
      reason: 'guard_failed',
      failedGuards: ['noPreflightErrors'],
    });
  });
});

describe('production needs checked files, whatever the workflow declares', () => {
  const workflow: Workflow = {
    initialStage: 'new',
    stages: [
      { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
      { key: 'printing', label: 'Printing', category: 'active', customerStatus: 'in_production' },
      { key: 'finishing', label: 'Finishing', category: 'active', customerStatus: 'in_production' },
      { key: 'done', label: 'Done', category: 'done', customerStatus: 'completed' },
    ],
    transitions: [
      { from: 'new', to: 'printing' },
      { from: 'printing', to: 'finishing' },
      { from: 'finishing', to: 'done' },
    ],
  };
  const decideIn = (from: string, to: string, context: Partial<TransitionContext>) => decideTransition(workflow, { from, to, context: { ...clear, ...context } });

  it('refuses to start production with preflight errors or unchecked files, though no rule declares the guard', () => {
    expect(decideIn('new', 'printing', { preflightErrorCount: 1 })).toMatchObject({ ok: false, reason: 'guard_failed', failedGuards: ['noPreflightErrors'] });
    expect(decideIn('new', 'printing', { preflightPendingCount: 2 })).toMatchObject({
      ok: false,
      message: 'Job cannot move from "New" to "Printing": preflight is still checking 2 files',
    });
    expect(decideIn('new', 'printing', {})).toMatchObject({ ok: true });
  });

  it('does not stop a job already in production from moving on', () => {
    expect(decideIn('printing', 'finishing', { preflightErrorCount: 1 })).toMatchObject({ ok: true });
  });

  it('applies to the default workflow at scheduled → in production as well', () => {
    expect(decide('scheduled', 'in_production', { preflightPendingCount: 1 })).toMatchObject({ ok: false, failedGuards: ['noPreflightErrors'] });
  });
});
