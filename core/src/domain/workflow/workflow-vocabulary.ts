import type { ActionKey, GuardKey } from './workflow-types.ts';

/**
 * What each guard and action means, in the words the merchant admin shows beside them.
 * Keyed by the full unions, so a new guard or action cannot ship without its description.
 */
export const GUARD_DESCRIPTIONS: Readonly<Record<GuardKey, string>> = {
  noPreflightErrors: 'Only when preflight has checked every file of the job and found no errors.',
  allItemsShipped: 'Only when every unit of the job is in a recorded shipment.',
};

export const ACTION_DESCRIPTIONS: Readonly<Record<ActionKey, string>> = {
  notifyCustomer: 'Marks a move the customer hears about; the e-mail itself follows the customer-visible status and its notification template.',
  pushStatus: "Pushes the order's new customer-visible status to the storefront.",
  createFulfillment: "Creates the storefront's fulfillment for each recorded shipment of the order.",
};
