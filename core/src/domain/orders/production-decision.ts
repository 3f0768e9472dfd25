/**
 * What the storefront's current view of an order asks of production. Only money
 * received starts production; a cancelled, voided or fully refunded order stops it; any
 * other state (pending, authorized but not captured, part-paid) waits for the next update.
 */
export type ProductionDecision = 'produce' | 'wait' | 'stop';

const PRODUCE = new Set(['paid', 'partially_refunded']);
const STOP = new Set(['voided', 'refunded']);

export function productionDecision(order: { financialStatus: string; cancelled: boolean }): ProductionDecision {
  if (order.cancelled || STOP.has(order.financialStatus)) return 'stop';
  return PRODUCE.has(order.financialStatus) ? 'produce' : 'wait';
}
