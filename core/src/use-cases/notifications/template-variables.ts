import { and, eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { ORDER_STATUS_LABELS, type OrderCustomerStatus, type OrderStatus } from '../../domain/index.ts';
import type { OrderRow } from '../order-status/load-order-status.ts';
import { shipmentsOfOrder } from '../shipments/shipment-reads.ts';

export type NotificationSettingsRow = typeof schema.notificationSettings.$inferSelect;

export async function notificationSettingsOf(tx: Tx, shopId: string): Promise<Pick<NotificationSettingsRow, 'platformNotifiesShipping' | 'pickupAddress' | 'pickupHours'>> {
  const [row] = await tx.select().from(schema.notificationSettings).where(eq(schema.notificationSettings.shopId, shopId));
  return row ?? { platformNotifiesShipping: false, pickupAddress: null, pickupHours: null };
}

/**
 * What a template can use: `order.name`, `customer.name`, `status`, `status_label`,
 * `hold_reason`, `eta`, `items` (title, quantity, shipped, status), `tracking` (carrier,
 * numbers, url — one entry per shipment) and `pickup` (address, hours).
 */
export async function templateVariables(
  tx: Tx,
  input: { shopId: string; order: OrderRow; status: OrderCustomerStatus; orderStatus: OrderStatus; eta: Date | null },
): Promise<Record<string, unknown>> {
  const { shopId, order } = input;
  const lines = await tx.select().from(schema.orderLines).where(and(eq(schema.orderLines.shopId, shopId), eq(schema.orderLines.orderId, order.id)));
  const shipments = await shipmentsOfOrder(tx, shopId, order.id);
  const settings = await notificationSettingsOf(tx, shopId);
  const pickupShipment = shipments.find((shipment) => shipment.kind === 'pickup');
  return {
    order: { name: order.name },
    customer: { name: order.customerName ?? '', email: order.customerEmail ?? '' },
    status: input.status,
    status_label: ORDER_STATUS_LABELS[input.status],
    hold_reason: input.orderStatus.holdReason ?? '',
    eta: input.eta ? input.eta.toISOString().slice(0, 10) : '',
    items: lines.map((line) => {
      const progress = input.orderStatus.lines.find((entry) => entry.orderLineId === line.id);
      return { title: line.title, quantity: line.quantity, shipped: progress?.shipped ?? 0, status: progress?.status ?? 'paid' };
    }),
    tracking: shipments
      .filter((shipment) => shipment.kind === 'carrier')
      .map((shipment) => ({ carrier: shipment.carrier ?? '', numbers: shipment.trackingNumbers, url: shipment.trackingUrl ?? '' })),
    pickup: {
      address: pickupShipment?.pickup?.address ?? settings.pickupAddress ?? '',
      hours: pickupShipment?.pickup?.hours ?? settings.pickupHours ?? '',
    },
  };
}
