import type { ConnectorResult, FulfillmentRequest } from '../../contract.ts';
import { decodeHtmlEntities } from '../html-entities.ts';
import {
  FULFILLMENTS_META_KEY,
  fulfillmentIdFor,
  planShipment,
  readFulfillmentRecords,
  type FulfillmentRecord,
} from './fulfillment-record.ts';
import { loadOrderDocument, notFound, wooOrderId, type OrderDocument } from './order-document.ts';
import { listOrderNotes, postOrderNote } from './order-notes.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';
import { recordTracking, TRACKING_META_KEY } from './shipment-tracking.ts';

// Orders WooCommerce will not ship.
const CLOSED_STATUSES = new Set(['cancelled', 'refunded', 'failed', 'trash']);

/**
 * Records a shipment on a WooCommerce order:
 * 1. reads the order and the shipments Pressline already recorded on it
 *    (`_pressline_fulfillments`); a known idempotency key ends here, after making sure
 *    that shipment's note went out;
 * 2. adds the tracking numbers (Shipment Tracking extension, else `_wc_shipment_tracking_items`);
 * 3. writes the shipment record, the fallback tracking meta and, once every line is
 *    shipped, status `completed`, in one order update;
 * 4. adds an order note with the tracking, e-mailed to the customer when `notifyCustomer`.
 *
 * Step 3 is the commit point: a retry after it finds the key; a retry before it finds
 * the tracking numbers already on the order and adds none twice. Status `completed`
 * makes WooCommerce send its "Completed order" e-mail whatever `notifyCustomer` says.
 * WooCommerce offers no conditional write, so two shipments of one order recorded at
 * the same moment could overwrite each other's meta; send one order's at a time.
 */
export async function createFulfillment(input: {
  rest: WooRest;
  connection: WooCommerceConnection;
  request: FulfillmentRequest;
  now: () => Date;
}): Promise<ConnectorResult<{ fulfillmentExternalId: string; created: boolean }>> {
  const { rest, connection, request } = input;
  const operation = 'createFulfillment';
  const orderId = wooOrderId(request.orderExternalId);
  if (orderId === null) return notFound(operation, request.orderExternalId);

  const loaded = await loadOrderDocument(rest, connection, orderId, operation);
  if (!loaded.ok) return loaded;
  const order = loaded.value;
  const fulfillmentId = fulfillmentIdFor(request.idempotencyKey);
  const { stored, records } = readFulfillmentRecords(order);

  const recorded = records.find((record) => record.key === request.idempotencyKey);
  if (recorded) {
    const noted = await ensureNote(rest, connection, orderId, recorded, operation);
    return noted.ok ? { ok: true, value: { fulfillmentExternalId: recorded.id, created: false } } : noted;
  }

  const status = order.status.toLowerCase();
  if (CLOSED_STATUSES.has(status)) return { ok: false, reason: 'rejected', message: `${operation}: order ${orderId} is ${status}` };
  const plan = planShipment(order, records, request);
  if (!plan.ok) return { ok: false, reason: 'rejected', message: `${operation}: ${plan.message}` };

  const shippedAt = input.now();
  const tracking = await recordTracking({ rest, connection, order, request, fulfillmentId, shippedAt, operation });
  if (!tracking.ok) return tracking;

  const record: FulfillmentRecord = {
    key: request.idempotencyKey,
    id: fulfillmentId,
    lines: plan.lines,
    trackingIds: tracking.value.trackingIds,
    note: shipmentNote(order, request, plan.lines, plan.completesOrder),
    customerNote: request.notifyCustomer,
    shippedAt: shippedAt.toISOString(),
  };
  const meta: { key: string; value: unknown }[] = [{ key: FULFILLMENTS_META_KEY, value: [...stored, record] }];
  if (tracking.value.metaItems) meta.push({ key: TRACKING_META_KEY, value: tracking.value.metaItems });
  const updated = await rest(connection, {
    operation,
    method: 'PUT',
    route: `wc/v3/orders/${orderId}`,
    body: { meta_data: meta, ...(plan.completesOrder && status !== 'completed' ? { status: 'completed' } : {}) },
  });
  if (!updated.ok) return updated;

  const noted = await postOrderNote(rest, connection, orderId, { text: record.note ?? '', customerNote: request.notifyCustomer }, operation);
  if (!noted.ok) return noted;
  return { ok: true, value: { fulfillmentExternalId: fulfillmentId, created: true } };
}

/** A recorded shipment whose note is missing (the call failed between steps 3 and 4) gets it now. */
async function ensureNote(
  rest: WooRest,
  connection: WooCommerceConnection,
  orderId: string,
  record: FulfillmentRecord,
  operation: string,
): Promise<ConnectorResult<void>> {
  if (!record.note) return { ok: true, value: undefined };
  const notes = await listOrderNotes(rest, connection, orderId, operation);
  if (!notes.ok) return notes;
  if (notes.value.some((note) => note.note.trim() === record.note?.trim())) return { ok: true, value: undefined };
  return postOrderNote(rest, connection, orderId, { text: record.note, customerNote: record.customerNote ?? false }, operation);
}

function shipmentNote(
  order: OrderDocument,
  request: FulfillmentRequest,
  lines: readonly { lineExternalId: string; quantity: number }[],
  completesOrder: boolean,
): string {
  const names = new Map(order.line_items.map((line) => [line.id, decodeHtmlEntities(line.name ?? `line ${line.id}`)]));
  const items = lines.map((line) => `${line.quantity} × ${names.get(line.lineExternalId) ?? `line ${line.lineExternalId}`}`).join(', ');
  const parts = [completesOrder ? 'Your order has shipped.' : 'Part of your order has shipped.', `Items: ${items}.`];
  const numbers = request.trackingNumbers.map((n) => n.trim()).filter((n) => n !== '');
  if (numbers.length > 0) parts.push(`${request.carrier?.trim() || 'Tracking'}: ${numbers.join(', ')}.`);
  if (request.trackingUrl) parts.push(`Track it at ${request.trackingUrl}`);
  return parts.join(' ');
}
