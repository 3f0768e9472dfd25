import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FulfillmentRequest } from '../../contract.ts';
import { orderMeta, type OrderDocument } from './order-document.ts';

/**
 * WooCommerce has no fulfillment object, so Pressline keeps one in order meta: every
 * shipment it recorded, under its idempotency key. Reading it back before writing is
 * what makes a retry after a lost response a no-op, and it is how "every line shipped"
 * is known.
 */
export const FULFILLMENTS_META_KEY = '_pressline_fulfillments';

const recordSchema = z.object({
  key: z.string(),
  id: z.string(),
  lines: z.array(z.object({ lineExternalId: z.string(), quantity: z.number() })),
  trackingIds: z.array(z.string()),
  note: z.string().nullish(),
  customerNote: z.boolean().nullish(),
  shippedAt: z.string(),
});

export type FulfillmentRecord = z.output<typeof recordSchema>;

/** The meta as stored (entries Pressline can't read are kept as they are) and the readable records. */
export function readFulfillmentRecords(order: OrderDocument): { stored: unknown[]; records: FulfillmentRecord[] } {
  const value = orderMeta(order, FULFILLMENTS_META_KEY);
  const stored = Array.isArray(value) ? value : [];
  const records = stored.flatMap((entry) => {
    const parsed = recordSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  return { stored, records };
}

/** Same key, same id: the fulfillment's external id is derived, never generated. */
export function fulfillmentIdFor(idempotencyKey: string): string {
  return `pressline-${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 24)}`;
}

export type ShipmentPlan =
  | { ok: true; lines: { lineExternalId: string; quantity: number }[]; completesOrder: boolean }
  | { ok: false; message: string };

/**
 * Which lines and quantities this shipment carries (all that is left when the request
 * names none) and whether every line is then fully shipped. Over-shipping is refused.
 */
export function planShipment(order: OrderDocument, records: readonly FulfillmentRecord[], request: FulfillmentRequest): ShipmentPlan {
  const shipped = new Map<string, number>();
  for (const record of records) {
    for (const line of record.lines) shipped.set(line.lineExternalId, (shipped.get(line.lineExternalId) ?? 0) + line.quantity);
  }
  const remaining = new Map(order.line_items.map((line) => [line.id, Math.max(0, line.quantity - (shipped.get(line.id) ?? 0))]));

  let lines: { lineExternalId: string; quantity: number }[];
  if (request.lines.length === 0) {
    lines = [...remaining].filter(([, quantity]) => quantity > 0).map(([lineExternalId, quantity]) => ({ lineExternalId, quantity }));
    if (lines.length === 0) return { ok: false, message: 'every line of the order is already shipped' };
  } else {
    const wanted = new Map<string, number>();
    for (const line of request.lines) {
      if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) return { ok: false, message: `line ${line.lineExternalId}: quantity must be a positive integer` };
      wanted.set(line.lineExternalId, (wanted.get(line.lineExternalId) ?? 0) + line.quantity);
    }
    for (const [lineExternalId, quantity] of wanted) {
      const left = remaining.get(lineExternalId);
      if (left === undefined) return { ok: false, message: `line ${lineExternalId} is not a line of the order` };
      if (quantity > left) return { ok: false, message: `line ${lineExternalId}: ${quantity} to ship but ${left} left` };
    }
    lines = [...wanted].map(([lineExternalId, quantity]) => ({ lineExternalId, quantity }));
  }

  const after = new Map(shipped);
  for (const line of lines) after.set(line.lineExternalId, (after.get(line.lineExternalId) ?? 0) + line.quantity);
  const completesOrder = order.line_items.every((line) => line.quantity <= 0 || (after.get(line.id) ?? 0) >= line.quantity);
  return { ok: true, lines, completesOrder };
}
