/** External ids of walk-in and phone orders; no platform knows them, so nothing is pushed for them. */
export const MANUAL_ORDER_PREFIX = 'manual-';

export function isManualOrder(externalId: string): boolean {
  return externalId.startsWith(MANUAL_ORDER_PREFIX);
}
