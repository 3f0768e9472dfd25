import { and, eq } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { nextShipmentState } from '../../domain/index.ts';
import { NotFoundError } from '../../errors.ts';
import { refreshOrderStatus } from '../order-status/refresh-order-status.ts';
import { shipmentsByIds, type ShipmentWithLines } from './shipment-reads.ts';

/**
 * A carrier or operator event about a shipment (delivered, handed over). Events arrive
 * late and out of order: one older than what the shipment shows, or one that would move
 * it backwards, changes nothing (and is not an error).
 */
export async function recordShipmentStatus(
  deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>,
  input: { shopId: string; shipmentId: string; status: 'shipped' | 'delivered'; occurredAt?: Date | null; actor: string },
): Promise<{ shipment: ShipmentWithLines; changed: boolean }> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const where = and(eq(schema.shipments.shopId, input.shopId), eq(schema.shipments.id, input.shipmentId));
    // Order first, then shipment: the lock order recordShipment takes.
    const [owner] = await tx.select({ orderId: schema.shipments.orderId }).from(schema.shipments).where(where);
    if (!owner) throw new NotFoundError('Shipment');
    await tx.select({ id: schema.orders.id }).from(schema.orders).where(and(eq(schema.orders.shopId, input.shopId), eq(schema.orders.id, owner.orderId))).for('update');
    const [current] = await tx.select().from(schema.shipments).where(where).for('update');
    if (!current) throw new NotFoundError('Shipment');
    const at = deps.clock();
    const next = nextShipmentState(current, { status: input.status, at: input.occurredAt ?? at });
    if (next.changed) {
      await tx.update(schema.shipments).set({ status: next.status, statusAt: next.statusAt, updatedAt: at }).where(where);
      await tx.insert(schema.orderEvents).values({ shopId: input.shopId, orderId: current.orderId, at, actor: input.actor, kind: `shipment_${next.status}`, note: null });
      await refreshOrderStatus(tx, deps, { shopId: input.shopId, orderId: current.orderId, at, push: true });
    }
    const [shipment] = await shipmentsByIds(tx, input.shopId, [input.shipmentId]);
    if (!shipment) throw new Error('shipment vanished');
    return { shipment, changed: next.changed };
  });
}
