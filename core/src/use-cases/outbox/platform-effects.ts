import { and, eq } from 'drizzle-orm';
import type { ConnectorResult, PlatformApi, ShopConnection } from '@pressline/connectors';
import { schema, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { freshShopConnection } from '../shops/fresh-connection.ts';
import { notificationSettingsOf } from '../notifications/template-variables.ts';
import { shipmentsByIds } from '../shipments/shipment-reads.ts';
import type { effectPayloads } from './effect-kinds.ts';
import type { PreparedSend, SendOutcome } from './send-outcome.ts';
import type { z } from 'zod';
import { isManualOrder } from '../orders/manual-order-id.ts';

type Payload<K extends keyof typeof effectPayloads> = z.infer<(typeof effectPayloads)[K]>;
interface EffectRow {
  shopId: string;
  orderId: string | null;
  idempotencyKey: string;
}

type PlatformDeps = Pick<CoreDeps, 'db' | 'secrets' | 'clock' | 'shopifyAuth' | 'platformApis'>;

/** A platform's answer as a send outcome: throttling waits, unavailability is ambiguous, the rest is final. */
export function fromConnector<T>(result: ConnectorResult<T>, onOk: (value: T) => Record<string, unknown>): SendOutcome {
  if (result.ok) return { kind: 'sent', result: onOk(result.value) };
  switch (result.reason) {
    case 'throttled':
      return { kind: 'throttled', retryAfterMs: result.retryAfterMs, message: result.message };
    case 'unavailable':
    case 'unauthorized':
      // A token being renewed or a platform outage: worth trying again.
      return { kind: 'transient', message: `${result.reason}: ${result.message}` };
    case 'not_found':
    case 'rejected':
      return { kind: 'permanent', message: `${result.reason}: ${result.message}` };
  }
}

async function platformOf(deps: PlatformDeps, shopId: string): Promise<{ api: PlatformApi; connection: ShopConnection } | SendOutcome> {
  const connection = await freshShopConnection(deps, shopId);
  if (!connection) return { kind: 'permanent', message: 'The shop has no platform connection' };
  const api = deps.platformApis[connection.platform];
  if (!api) return { kind: 'permanent', message: `No ${connection.platform} API is configured` };
  return { api, connection };
}

async function orderOf(tx: Tx, row: EffectRow) {
  if (!row.orderId) return null;
  const [order] = await tx.select().from(schema.orders).where(and(eq(schema.orders.shopId, row.shopId), eq(schema.orders.id, row.orderId)));
  return order ?? null;
}

export async function preparePushStatus(tx: Tx, deps: PlatformDeps, row: EffectRow, payload: Payload<'push_status'>): Promise<PreparedSend | SendOutcome> {
  const order = await orderOf(tx, row);
  if (!order) return { kind: 'permanent', message: 'The order is gone' };
  if (isManualOrder(order.externalId)) return { kind: 'skipped', reason: 'manual order: no platform holds it' };
  // A newer status was decided since; its own push follows, so this one would only flicker.
  if (order.customerStatusVersion > payload.version) return { kind: 'skipped', reason: 'superseded' };
  const platform = await platformOf(deps, row.shopId);
  if (!('api' in platform)) return platform;
  return {
    call: async () =>
      fromConnector(
        await platform.api.pushStatus(platform.connection, { orderExternalId: order.externalId, status: payload.status, label: payload.label, idempotencyKey: row.idempotencyKey }),
        () => ({ status: payload.status }),
      ),
  };
}

export async function prepareOrderNote(tx: Tx, deps: PlatformDeps, row: EffectRow, payload: Payload<'order_note'>): Promise<PreparedSend | SendOutcome> {
  const order = await orderOf(tx, row);
  if (!order) return { kind: 'permanent', message: 'The order is gone' };
  if (isManualOrder(order.externalId)) return { kind: 'skipped', reason: 'manual order: no platform holds it' };
  const platform = await platformOf(deps, row.shopId);
  if (!('api' in platform)) return platform;
  return {
    call: async () => fromConnector(await platform.api.addOrderNote(platform.connection, { orderExternalId: order.externalId, ...payload }), () => ({})),
  };
}

/**
 * The fulfillment of one shipment with its current lines and tracking. The adapters'
 * createFulfillment is idempotent by key and looks at the platform first: after an
 * ambiguous failure (a timeout, a 500 after the platform applied it) the retry finds the
 * fulfillment already there and does not create a second one.
 */
export async function prepareFulfillment(
  tx: Tx,
  deps: PlatformDeps,
  row: EffectRow,
  payload: Payload<'create_fulfillment'>,
): Promise<PreparedSend | SendOutcome> {
  const [shipment] = await shipmentsByIds(tx, row.shopId, [payload.shipmentId]);
  if (!shipment) return { kind: 'permanent', message: 'The shipment is gone' };
  const order = await orderOf(tx, { ...row, orderId: shipment.orderId });
  if (!order) return { kind: 'permanent', message: 'The order is gone' };
  if (isManualOrder(order.externalId)) return { kind: 'skipped', reason: 'manual order: no platform holds it' };
  const lines = await tx.select({ id: schema.orderLines.id, externalId: schema.orderLines.externalId }).from(schema.orderLines).where(and(eq(schema.orderLines.shopId, row.shopId), eq(schema.orderLines.orderId, order.id)));
  const settings = await notificationSettingsOf(tx, row.shopId);
  const platform = await platformOf(deps, row.shopId);
  if (!('api' in platform)) return platform;
  const request = {
    orderExternalId: order.externalId,
    lines: shipment.lines.map((line) => ({ lineExternalId: lines.find((candidate) => candidate.id === line.orderLineId)?.externalId ?? '', quantity: line.quantity })),
    carrier: shipment.carrier,
    trackingNumbers: shipment.trackingNumbers,
    trackingUrl: shipment.trackingUrl,
    notifyCustomer: settings.platformNotifiesShipping,
    idempotencyKey: row.idempotencyKey,
  };
  return {
    call: async () =>
      fromConnector(await platform.api.createFulfillment(platform.connection, request), (value) => ({ fulfillmentExternalId: value.fulfillmentExternalId, created: value.created })),
  };
}

/** Records the platform's fulfillment id on the shipment, for later tracking updates. */
export async function rememberFulfillment(tx: Tx, shopId: string, shipmentId: string, fulfillmentExternalId: string): Promise<void> {
  await tx
    .update(schema.shipments)
    .set({ fulfillmentExternalId })
    .where(and(eq(schema.shipments.shopId, shopId), eq(schema.shipments.id, shipmentId)));
}

export async function prepareTrackingUpdate(tx: Tx, deps: PlatformDeps, row: EffectRow, payload: Payload<'update_tracking'>): Promise<PreparedSend | SendOutcome> {
  const [shipment] = await shipmentsByIds(tx, row.shopId, [payload.shipmentId]);
  if (!shipment) return { kind: 'permanent', message: 'The shipment is gone' };
  // Its fulfillment is still on its way; that one will carry the newest tracking anyway.
  if (!shipment.fulfillmentExternalId) return { kind: 'transient', message: 'The fulfillment is not created yet' };
  const order = await orderOf(tx, { ...row, orderId: shipment.orderId });
  if (!order) return { kind: 'permanent', message: 'The order is gone' };
  if (isManualOrder(order.externalId)) return { kind: 'skipped', reason: 'manual order: no platform holds it' };
  const settings = await notificationSettingsOf(tx, row.shopId);
  const platform = await platformOf(deps, row.shopId);
  if (!('api' in platform)) return platform;
  const update = platform.api.updateTracking?.bind(platform.api);
  if (!update) {
    // The platform cannot change a recorded shipment's tracking: tell the customer in a note instead.
    const numbers = shipment.trackingNumbers.join(', ');
    const note = `Tracking for your shipment: ${[shipment.carrier, numbers].filter(Boolean).join(' ')}${shipment.trackingUrl ? ` (${shipment.trackingUrl})` : ''}`;
    return {
      call: async () => fromConnector(await platform.api.addOrderNote(platform.connection, { orderExternalId: order.externalId, note, customerVisible: true }), () => ({ note })),
    };
  }
  const fulfillmentExternalId = shipment.fulfillmentExternalId;
  return {
    call: async () =>
      fromConnector(
        await update(platform.connection, {
          orderExternalId: order.externalId,
          fulfillmentExternalId,
          carrier: shipment.carrier,
          trackingNumbers: shipment.trackingNumbers,
          trackingUrl: shipment.trackingUrl,
          notifyCustomer: settings.platformNotifiesShipping,
        }),
        () => ({ trackingNumbers: shipment.trackingNumbers }),
      ),
  };
}
