export interface OwedLine {
  id: string;
  title: string;
  quantity: number;
  /** Units already in recorded shipments. */
  shipped: number;
}

export type ShipmentLinesCheck =
  | { ok: true; lines: { orderLineId: string; quantity: number }[] }
  | { ok: false; message: string; orderLineId: string | null };

/**
 * Checks what an operator says a shipment carries against what each line is still owed:
 * every line must belong to the order, appear once, carry a whole positive quantity and
 * no more than is left to ship.
 */
export function checkShipmentLines(owed: readonly OwedLine[], requested: readonly { orderLineId: string; quantity: number }[]): ShipmentLinesCheck {
  if (requested.length === 0) return { ok: false, message: 'A shipment must carry at least one line', orderLineId: null };
  const seen = new Set<string>();
  for (const entry of requested) {
    const line = owed.find((candidate) => candidate.id === entry.orderLineId);
    if (!line) return { ok: false, message: `Line ${entry.orderLineId} is not a line of this order`, orderLineId: entry.orderLineId };
    if (seen.has(line.id)) return { ok: false, message: `Line "${line.title}" appears twice in the shipment`, orderLineId: line.id };
    seen.add(line.id);
    if (!Number.isInteger(entry.quantity) || entry.quantity <= 0) {
      return { ok: false, message: `Line "${line.title}": quantity must be a whole number above 0`, orderLineId: line.id };
    }
    const left = Math.max(0, line.quantity - line.shipped);
    if (entry.quantity > left) {
      return {
        ok: false,
        message: `Line "${line.title}": ${entry.quantity} to ship but only ${left} of ${line.quantity} ${left === 1 ? 'is' : 'are'} left to ship`,
        orderLineId: line.id,
      };
    }
  }
  return { ok: true, lines: requested.map((entry) => ({ orderLineId: entry.orderLineId, quantity: entry.quantity })) };
}
