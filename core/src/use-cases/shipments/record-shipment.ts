import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { checkShipmentLines, mergeTrackingNumbers } from '../../domain/index.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.ts';
import { refreshOrderStatus } from '../order-status/refresh-order-status.ts';
import { writeEffects } from '../outbox/write-effects.ts';
import { draftWebhooks } from '../webhooks/draft-webhooks.ts';
import { shipmentsByIds, shippedQuantities, type ShipmentWithLines } from './shipment-reads.ts';

export interface RecordShipmentInput {
  shopId: string;
  orderId: string;
  kind: 'carrier' | 'pickup';
  /** The operator's or carrier's shipment reference: recording it again adds tracking numbers to that shipment. */
  reference?: string | null;
  carrier?: string | null;
  trackingNumbers?: readonly string[];
  trackingUrl?: string | null;
  pickup?: { address: string; hours?: string | null } | null;
  lines: readonly { orderLineId: string; quantity: number }[];
  actor: string;
}

const MAX_TRACKING_NUMBERS = 50;

/**
 * Records what left the shop for an order (or was handed over at the counter). In the
 * same transaction: the platform fulfillment (through the outbox), `shipment.created`,
 * and the order's customer status. Quantities are checked against what each line is
 * still owed; the order row is locked so two shipments recorded at once cannot both
 * take the last units.
 */
export async function recordShipment(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: RecordShipmentInput): Promise<ShipmentWithLines> {
  const trackingNumbers = mergeTrackingNumbers([], input.trackingNumbers ?? []);
  if (trackingNumbers.length > MAX_TRACKING_NUMBERS) throw new BadRequestError(`At most ${MAX_TRACKING_NUMBERS} tracking numbers per shipment`);
  const trackingUrl = input.trackingUrl?.trim() || null;
  if (trackingUrl && !isWebUrl(trackingUrl)) throw new BadRequestError('trackingUrl must be an http(s) URL');
  if (input.kind === 'pickup' && input.pickup && !input.pickup.address.trim()) throw new BadRequestError('A pickup needs an address');
  const reference = input.reference?.trim() || null;

  return withShop(deps.db, input.shopId, async (tx) => {
    const at = deps.clock();
    const orderWhere = and(eq(schema.orders.shopId, input.shopId), eq(schema.orders.id, input.orderId), isNull(schema.orders.deletedAt));
    const [order] = await tx.select().from(schema.orders).where(orderWhere).for('update');
    if (!order) throw new NotFoundError('Order');
    if (order.status === 'cancelled') throw new ConflictError(`Order ${order.name} is cancelled; nothing can ship`);

    if (reference) {
      const [existing] = await tx
        .select()
        .from(schema.shipments)
        .where(and(eq(schema.shipments.shopId, input.shopId), eq(schema.shipments.orderId, order.id), eq(schema.shipments.reference, reference)));
      if (existing) return mergeIntoShipment(tx, deps, { ...input, trackingNumbers, trackingUrl }, existing.id);
    }

    const lines = await tx.select().from(schema.orderLines).where(and(eq(schema.orderLines.shopId, input.shopId), eq(schema.orderLines.orderId, order.id)));
    const shipped = await shippedQuantities(tx, input.shopId, lines.map((line) => line.id));
    const check = checkShipmentLines(
      lines.map((line) => ({ id: line.id, title: line.title, quantity: line.quantity, shipped: shipped.get(line.id) ?? 0 })),
      input.lines,
    );
    if (!check.ok) throw new BadRequestError(check.message, { orderLineId: check.orderLineId });

    const [shipment] = await tx
      .insert(schema.shipments)
      .values({
        shopId: input.shopId,
        orderId: order.id,
        kind: input.kind,
        reference,
        carrier: input.carrier?.trim() || null,
        trackingNumbers,
        trackingUrl,
        pickup: input.kind === 'pickup' && input.pickup ? { address: input.pickup.address.trim(), hours: input.pickup.hours?.trim() || null } : null,
        statusAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!shipment) throw new Error('shipment insert returned nothing');
    await tx.insert(schema.shipmentLines).values(check.lines.map((line) => ({ shopId: input.shopId, shipmentId: shipment.id, ...line })));
    await tx.insert(schema.orderEvents).values({ shopId: input.shopId, orderId: order.id, at, actor: input.actor, kind: 'shipment_recorded', note: describe(shipment.kind, shipment.carrier, trackingNumbers) });

    const webhooks = await draftWebhooks(tx, input.shopId, {
      topic: 'shipment.created',
      eventId: `shipment:${shipment.id}`,
      orderId: order.id,
      at,
      data: { shipmentId: shipment.id, orderId: order.id, orderName: order.name, kind: shipment.kind, carrier: shipment.carrier, trackingNumbers, trackingUrl, lines: check.lines },
    });
    await writeEffects(tx, deps.boss, input.shopId, [
      { kind: 'create_fulfillment', orderId: order.id, idempotencyKey: `fulfillment:${shipment.id}`, payload: { shipmentId: shipment.id } },
      ...webhooks,
    ]);
    // The fulfillment tells the storefront the order shipped: no separate status push.
    await refreshOrderStatus(tx, deps, { shopId: input.shopId, orderId: order.id, at, push: false });
    const [withLines] = await shipmentsByIds(tx, input.shopId, [shipment.id]);
    if (!withLines) throw new Error('shipment vanished');
    return withLines;
  });
}

/** A shipment recorded again: tracking numbers are added (never dropped); its lines cannot change. */
async function mergeIntoShipment(
  tx: Tx,
  deps: Pick<CoreDeps, 'boss' | 'clock'>,
  input: RecordShipmentInput & { trackingNumbers: string[]; trackingUrl: string | null },
  shipmentId: string,
): Promise<ShipmentWithLines> {
  const [current] = await shipmentsByIds(tx, input.shopId, [shipmentId]);
  if (!current) throw new Error('shipment vanished');
  const sameLines =
    input.lines.length === 0 ||
    (input.lines.length === current.lines.length &&
      input.lines.every((line) => current.lines.some((held) => held.orderLineId === line.orderLineId && held.quantity === line.quantity)));
  if (!sameLines) throw new BadRequestError(`Shipment "${current.reference ?? current.id}" is already recorded with other lines; record another shipment for more units`);

  const trackingNumbers = mergeTrackingNumbers(current.trackingNumbers, input.trackingNumbers);
  const carrier = input.carrier?.trim() || current.carrier;
  const trackingUrl = input.trackingUrl ?? current.trackingUrl;
  const changed = trackingNumbers.length !== current.trackingNumbers.length || carrier !== current.carrier || trackingUrl !== current.trackingUrl;
  if (!changed) return current;

  const at = deps.clock();
  await tx
    .update(schema.shipments)
    .set({ trackingNumbers, carrier, trackingUrl, updatedAt: at })
    .where(and(eq(schema.shipments.shopId, input.shopId), eq(schema.shipments.id, shipmentId)));
  await tx.insert(schema.orderEvents).values({ shopId: input.shopId, orderId: current.orderId, at, actor: input.actor, kind: 'tracking_updated', note: describe(current.kind, carrier, trackingNumbers) });
  // Keyed by what the tracking now is: the same numbers recorded twice push once.
  const key = `tracking:${shipmentId}:${trackingNumbers.length}:${carrier ?? ''}:${trackingUrl ?? ''}`;
  await writeEffects(tx, deps.boss, input.shopId, [{ kind: 'update_tracking', orderId: current.orderId, idempotencyKey: key, payload: { shipmentId } }]);
  return { ...current, trackingNumbers, carrier, trackingUrl, updatedAt: at };
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function describe(kind: 'carrier' | 'pickup', carrier: string | null, numbers: readonly string[]): string {
  if (kind === 'pickup') return 'Ready for local pickup';
  return [carrier, numbers.join(', ')].filter(Boolean).join(': ') || 'Shipped';
}
