import type { GuardKey, TransitionContext } from './workflow-types.ts';

// Written as "passes only when provably clear": a NaN count fails the guard.
const checks: Record<GuardKey, (context: TransitionContext) => boolean> = {
  noPreflightErrors: (context) => context.preflightErrorCount <= 0 && context.preflightPendingCount <= 0,
  allItemsShipped: (context) => context.unshippedQuantity <= 0,
};

export function failedGuards(guards: readonly GuardKey[], context: TransitionContext): GuardKey[] {
  return guards.filter((guard) => !checks[guard](context));
}

export function describeFailedGuard(guard: GuardKey, context: TransitionContext): string {
  switch (guard) {
    case 'noPreflightErrors':
      return context.preflightErrorCount > 0 || !(context.preflightPendingCount > 0)
        ? `preflight found ${plural(context.preflightErrorCount, 'error')}`
        : `preflight is still checking ${plural(context.preflightPendingCount, 'file')}`;
    case 'allItemsShipped':
      return `${plural(context.unshippedQuantity, 'unit')} ${context.unshippedQuantity === 1 ? 'is' : 'are'} not shipped yet`;
  }
}

function plural(n: number, noun: string): string {
  return Number.isFinite(n) ? `${n} ${noun}${n === 1 ? '' : 's'}` : `unknown number of ${noun}s`;
}
