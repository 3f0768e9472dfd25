import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ConnectorResult, FulfillmentRequest } from '../../contract.ts';
import { orderMeta, type OrderDocument } from './order-document.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';
import { wpErrorCode } from './translate-error.ts';

/**
 * Where the WooCommerce Shipment Tracking extension (and Advanced Shipment Tracking)
 * keeps an order's tracking items. Without the extension Pressline writes the same
 * shape, so the customer's "My account" page and the extension, if installed later,
 * show them.
 */
export const TRACKING_META_KEY = '_wc_shipment_tracking_items';

export interface TrackingMetaItem {
  tracking_provider: string;
  custom_tracking_provider: string;
  custom_tracking_link: string;
  tracking_number: string;
  /** A unix timestamp, as the extension stores it (its REST API speaks YYYY-MM-DD). */
  date_shipped: string;
  tracking_id: string;
}

export interface RecordedTracking {
  trackingIds: string[];
  /**
   * The whole tracking meta to write with the order (items already there kept as they
   * are), when the extension is absent and an item was added.
   */
  metaItems: unknown[] | null;
}

const extensionItemSchema = z.object({
  tracking_id: z.union([z.string(), z.number().transform(String)]),
  tracking_number: z.union([z.string(), z.number().transform(String)]),
});

const metaItemSchema = z
  .object({
    tracking_id: z.union([z.string(), z.number().transform(String)]).nullish(),
    tracking_number: z.union([z.string(), z.number().transform(String)]).nullish(),
  })
  .loose();

const trackingRoute = (orderId: string) => `wc-shipment-tracking/v3/orders/${orderId}/shipment-trackings`;

/**
 * Adds one tracking item per tracking number, through the extension's REST API when it
 * answers, else as order meta for the caller to write. A number the order already
 * tracks is not added again: that is what makes a retry after a lost response safe.
 */
export async function recordTracking(input: {
  rest: WooRest;
  connection: WooCommerceConnection;
  order: OrderDocument;
  request: FulfillmentRequest;
  fulfillmentId: string;
  shippedAt: Date;
  operation: string;
}): Promise<ConnectorResult<RecordedTracking>> {
  const { rest, connection, order, request, operation } = input;
  const numbers = [...new Set(request.trackingNumbers.map((n) => n.trim()).filter((n) => n !== ''))];
  if (numbers.length === 0) return { ok: true, value: { trackingIds: [], metaItems: null } };

  const listed = await rest(connection, { operation, method: 'GET', route: trackingRoute(order.id), accept: [404] });
  if (!listed.ok) return listed;
  if (listed.value.status === 404) {
    // rest_no_route: the extension is not installed. Any other 404 is the extension's answer.
    if (wpErrorCode(listed.value.body) === 'rest_no_route') return { ok: true, value: trackingInMeta(input, numbers) };
    return { ok: false, reason: 'not_found', message: `${operation}: the Shipment Tracking extension does not know order ${order.id}` };
  }
  const items = z.array(extensionItemSchema).safeParse(listed.value.body);
  if (!items.success) return { ok: false, reason: 'unavailable', message: `${operation}: the Shipment Tracking extension did not answer with a list` };

  const trackingIds: string[] = [];
  for (const number of numbers) {
    const existing = items.data.find((item) => sameNumber(item.tracking_number, number));
    if (existing) {
      trackingIds.push(existing.tracking_id);
      continue;
    }
    const created = await rest(connection, {
      operation,
      method: 'POST',
      route: trackingRoute(order.id),
      body: {
        custom_tracking_provider: carrierName(request),
        custom_tracking_link: request.trackingUrl ?? '',
        tracking_number: number,
        date_shipped: input.shippedAt.toISOString().slice(0, 10),
      },
    });
    if (!created.ok) return created;
    const item = extensionItemSchema.safeParse(created.value.body);
    if (!item.success) return { ok: false, reason: 'unavailable', message: `${operation}: the Shipment Tracking extension did not return the tracking item` };
    trackingIds.push(item.data.tracking_id);
  }
  return { ok: true, value: { trackingIds, metaItems: null } };
}

function trackingInMeta(
  input: { order: OrderDocument; request: FulfillmentRequest; fulfillmentId: string; shippedAt: Date },
  numbers: string[],
): RecordedTracking {
  const stored = orderMeta(input.order, TRACKING_META_KEY);
  const items: unknown[] = Array.isArray(stored) ? [...stored] : [];
  const known = items.flatMap((item) => {
    const parsed = metaItemSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });

  const trackingIds: string[] = [];
  let changed = false;
  for (const [index, number] of numbers.entries()) {
    // Derived from the idempotency key, so the same shipment always has the same ids.
    const trackingId = createHash('sha256').update(`${input.fulfillmentId}#${index}`, 'utf8').digest('hex').slice(0, 32);
    const existing = known.find((item) => item.tracking_id === trackingId || sameNumber(item.tracking_number ?? '', number));
    if (existing) {
      trackingIds.push(existing.tracking_id ?? trackingId);
      continue;
    }
    const item: TrackingMetaItem = {
      tracking_provider: '',
      custom_tracking_provider: carrierName(input.request),
      custom_tracking_link: input.request.trackingUrl ?? '',
      tracking_number: number,
      date_shipped: String(Math.floor(input.shippedAt.getTime() / 1000)),
      tracking_id: trackingId,
    };
    items.push(item);
    trackingIds.push(trackingId);
    changed = true;
  }
  return { trackingIds, metaItems: changed ? items : null };
}

// Pressline's carrier names are free text; the extension's predefined provider slugs
// are per installation, so every item is a custom provider with its own link.
function carrierName(request: FulfillmentRequest): string {
  return request.carrier?.trim() || 'Other';
}

function sameNumber(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
}
