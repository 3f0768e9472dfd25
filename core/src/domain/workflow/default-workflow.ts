import type { Stage, TransitionRule, Workflow } from './workflow-types.ts';

const stages: Stage[] = [
  { key: 'received', label: 'Received', category: 'queued', customerStatus: 'received' },
  { key: 'preflight', label: 'Preflight', category: 'queued', customerStatus: 'in_review' },
  { key: 'approved', label: 'Approved', category: 'queued', customerStatus: 'in_review' },
  { key: 'scheduled', label: 'Scheduled', category: 'queued', customerStatus: 'in_production' },
  { key: 'in_production', label: 'In production', category: 'active', customerStatus: 'in_production' },
  { key: 'post_processing', label: 'Post-processing', category: 'active', customerStatus: 'in_production' },
  { key: 'quality_check', label: 'Quality check', category: 'active', customerStatus: 'in_production' },
  { key: 'ready', label: 'Ready for pickup/shipping', category: 'active', customerStatus: 'ready' },
  { key: 'shipped', label: 'Shipped', category: 'done', customerStatus: 'shipped' },
  { key: 'completed', label: 'Completed', category: 'done', customerStatus: 'completed' },
  { key: 'on_hold', label: 'On hold', category: 'hold', customerStatus: 'on_hold' },
  { key: 'cancelled', label: 'Cancelled', category: 'cancelled', customerStatus: 'cancelled' },
];

// Moves that change what the customer sees carry pushStatus, except shipping (the
// fulfillment itself tells the storefront) and cancelling (cancelling the storefront
// order has refund and restock consequences the merchant decides on).
const transitions: TransitionRule[] = [
  { from: 'received', to: 'preflight', actions: ['pushStatus'] },
  { from: 'preflight', to: 'approved', guards: ['noPreflightErrors'] },
  { from: 'approved', to: 'scheduled', actions: ['pushStatus'] },
  { from: 'scheduled', to: 'in_production' },
  { from: 'in_production', to: 'post_processing' },
  { from: 'post_processing', to: 'quality_check' },
  { from: 'quality_check', to: 'ready', actions: ['pushStatus'] },
  {
    from: 'ready',
    to: 'shipped',
    guards: ['allItemsShipped'],
    actions: ['createFulfillment', 'notifyCustomer'],
  },
  { from: 'shipped', to: 'completed', actions: ['pushStatus'] },
  // Picked up at the counter.
  { from: 'ready', to: 'completed', actions: ['pushStatus'] },
  // Rework after a failed check.
  { from: 'quality_check', to: 'in_production' },
  // The customer re-uploads a file.
  { from: 'preflight', to: 'received', actions: ['pushStatus'] },
  // Re-check after an approval turned out wrong.
  { from: 'approved', to: 'preflight' },
  { from: { category: ['queued', 'active'] }, to: 'on_hold', actions: ['pushStatus'] },
  // Only back to `heldFrom`; the state machine enforces that for every hold stage.
  { from: 'on_hold', to: { category: ['queued', 'active'] }, actions: ['pushStatus'] },
  { from: { category: ['queued', 'active', 'hold'] }, to: 'cancelled', actions: ['notifyCustomer'] },
];

// Frozen because it is shared by every shop without a custom workflow.
export const defaultWorkflow: Workflow = deepFreeze({
  initialStage: 'received',
  stages,
  transitions,
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
