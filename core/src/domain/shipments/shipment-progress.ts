/** Tracking numbers only grow: a later record adds numbers, it never drops one. */
export function mergeTrackingNumbers(existing: readonly string[], added: readonly string[]): string[] {
  const merged = [...existing];
  for (const raw of added) {
    const number = raw.trim();
    if (number !== '' && !merged.includes(number)) merged.push(number);
  }
  return merged;
}

export type ShipmentState = 'shipped' | 'delivered';
const RANK: Record<ShipmentState, number> = { shipped: 0, delivered: 1 };

/**
 * Applies a carrier or operator event to a shipment. An event older than the one the
 * shipment already reflects, or one that would move it backwards (delivered → shipped),
 * changes nothing.
 */
export function nextShipmentState(
  current: { status: ShipmentState; statusAt: Date },
  event: { status: ShipmentState; at: Date },
): { changed: boolean; status: ShipmentState; statusAt: Date } {
  const older = event.at.getTime() < current.statusAt.getTime();
  if (older || RANK[event.status] <= RANK[current.status]) return { changed: false, ...current };
  return { changed: true, status: event.status, statusAt: event.at };
}
