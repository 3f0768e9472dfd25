import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';

export type ShipmentRow = typeof schema.shipments.$inferSelect;
export type ShipmentWithLines = ShipmentRow & { lines: { orderLineId: string; quantity: number }[] };

/** An order's shipments with the lines each carries, oldest first. */
export async function shipmentsOfOrder(tx: Tx, shopId: string, orderId: string): Promise<ShipmentWithLines[]> {
  const shipments = await tx
    .select()
    .from(schema.shipments)
    .where(and(eq(schema.shipments.shopId, shopId), eq(schema.shipments.orderId, orderId)))
    .orderBy(schema.shipments.createdAt, schema.shipments.id);
  return withLines(tx, shopId, shipments);
}

export async function shipmentsByIds(tx: Tx, shopId: string, ids: readonly string[]): Promise<ShipmentWithLines[]> {
  if (ids.length === 0) return [];
  const shipments = await tx.select().from(schema.shipments).where(and(eq(schema.shipments.shopId, shopId), inArray(schema.shipments.id, [...ids])));
  return withLines(tx, shopId, shipments);
}

async function withLines(tx: Tx, shopId: string, shipments: ShipmentRow[]): Promise<ShipmentWithLines[]> {
  if (shipments.length === 0) return [];
  const lines = await tx
    .select()
    .from(schema.shipmentLines)
    .where(and(eq(schema.shipmentLines.shopId, shopId), inArray(schema.shipmentLines.shipmentId, shipments.map((shipment) => shipment.id))));
  return shipments.map((shipment) => ({
    ...shipment,
    lines: lines.filter((line) => line.shipmentId === shipment.id).map((line) => ({ orderLineId: line.orderLineId, quantity: line.quantity })),
  }));
}

/** Units of each of these order lines already in recorded shipments. */
export async function shippedQuantities(tx: Tx, shopId: string, orderLineIds: readonly string[]): Promise<Map<string, number>> {
  const shipped = new Map<string, number>();
  if (orderLineIds.length === 0) return shipped;
  const rows = await tx
    .select({ orderLineId: schema.shipmentLines.orderLineId, quantity: schema.shipmentLines.quantity })
    .from(schema.shipmentLines)
    .where(and(eq(schema.shipmentLines.shopId, shopId), inArray(schema.shipmentLines.orderLineId, [...orderLineIds])));
  for (const row of rows) shipped.set(row.orderLineId, (shipped.get(row.orderLineId) ?? 0) + row.quantity);
  return shipped;
}
