import type { ChangedOrdersPage, ChangedOrdersQuery, ConnectorResult, StorefrontOrder } from '../../contract.ts';
import { normaliseWooCommerceOrder } from '../parse-order.ts';
import { toWcGmt } from '../wc-dates.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';

/** WooCommerce's collection endpoints cap `per_page` at 100. */
export const MAX_PAGE_SIZE = 100;

/**
 * Orders modified at or after `updatedSince`, a page at a time; the cursor is the next
 * page number, and the walk ends at `X-WP-TotalPages`.
 *
 * - The bound: WP_Date_Query's `after` is exclusive and compares whole seconds, so the
 *   query asks for "after one second earlier". It goes as zone-less UTC with
 *   `dates_are_gmt=true` (see toWcGmt).
 * - The order: by id, not by modification time. Sorted by `modified`, an order edited
 *   while the pages are read jumps to the end and every later order moves up one
 *   place, so one of them is skipped. Sorted by id, an edit leaves every order where it
 *   was and new orders join at the end: each matching order is returned exactly once.
 *   A page cursor stays valid only for the same `updatedSince` and `limit`.
 * - `status=any` (the default) leaves out trashed orders; order.deleted covers those.
 */
export async function listChangedOrders(
  rest: WooRest,
  connection: WooCommerceConnection,
  query: ChangedOrdersQuery,
): Promise<ConnectorResult<ChangedOrdersPage>> {
  const operation = 'listChangedOrders';
  const since = Date.parse(query.updatedSince);
  if (Number.isNaN(since)) return { ok: false, reason: 'rejected', message: `${operation}: updatedSince is not an ISO timestamp` };
  const page = query.cursor === null ? 1 : pageOf(query.cursor);
  if (page === null) return { ok: false, reason: 'rejected', message: `${operation}: the cursor is not a page number this connector issued` };
  const perPage = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit)));
  const after = new Date(Math.floor(since / 1000) * 1000 - 1000);

  const response = await rest(connection, {
    operation,
    method: 'GET',
    route: 'wc/v3/orders',
    query: {
      modified_after: toWcGmt(after),
      dates_are_gmt: 'true',
      orderby: 'id',
      order: 'asc',
      per_page: String(perPage),
      page: String(page),
    },
  });
  if (!response.ok) return response;
  const { body, headers } = response.value;
  if (!Array.isArray(body)) return { ok: false, reason: 'unavailable', message: `${operation}: WooCommerce did not answer with a list of orders` };

  const orders: StorefrontOrder[] = [];
  for (const item of body) {
    const parsed = normaliseWooCommerceOrder(item);
    // One unreadable order fails the page rather than vanishing from reconciliation.
    if (!parsed.ok) return { ok: false, reason: 'rejected', message: `${operation}: page ${page}: ${parsed.message}` };
    orders.push(parsed.value);
  }

  const totalPages = Number.parseInt(headers.get('X-WP-TotalPages') ?? '', 10);
  const more = Number.isNaN(totalPages) ? orders.length === perPage : page < totalPages;
  return { ok: true, value: { orders, nextCursor: more ? String(page + 1) : null } };
}

function pageOf(cursor: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(cursor)) return null;
  return Number(cursor);
}
