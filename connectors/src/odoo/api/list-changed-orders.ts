import { z } from 'zod';
import type { ChangedOrdersPage, ChangedOrdersQuery, ConnectorResult, StorefrontOrder } from '../../contract.ts';
import { normaliseOdooOrder } from '../normalise-order.ts';
import { isoToOdooDatetime } from '../odoo-values.ts';
import { orderReadSchema } from '../order-read.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { orderFieldsOf, readOrderBundles } from './read-orders.ts';
import { shaped } from './rpc-result.ts';

const MAX_PAGE = 100;
const CURSOR = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)\|(\d{1,15})$/;

/**
 * One page of the orders written at or after `updatedSince`, oldest write first, by
 * `search_read` on sale.order ordered `write_date asc, id asc`.
 *
 * Which orders: confirmed ones, and cancelled ones that had been confirmed (they have
 * deliveries). Quotations are the merchant's drafts and never reach Pressline.
 *
 * The cursor is the last order's `write_date|id` and the next page starts after it, not an
 * offset: an order written while the pages are read moves to the end and is listed again
 * there, and no other order shifts into a page already read and gets skipped, as it would
 * with `offset`.
 *
 * An order that cannot be normalised (e.g. a fractional quantity) is left out of the page:
 * the contract's page has no place for it, and failing the page would stop every later
 * order from being reconciled. Its webhook's `fetchOrder` reports why.
 */
export async function listChangedOrders(rpc: OdooRpc, query: ChangedOrdersQuery): Promise<ConnectorResult<ChangedOrdersPage>> {
  const since = isoToOdooDatetime(query.updatedSince);
  if (since === null) return { ok: false, reason: 'rejected', message: `updatedSince "${query.updatedSince}" is not an ISO timestamp` };
  const after = query.cursor === null ? null : CURSOR.exec(query.cursor);
  if (query.cursor !== null && after === null) {
    return { ok: false, reason: 'rejected', message: `"${query.cursor}" is not a cursor this connector issued` };
  }
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.limit)));

  const domain: unknown[] = [
    ['write_date', '>=', since],
    '|', ['state', '=', 'sale'], '&', ['state', '=', 'cancel'], ['picking_ids', '!=', false],
  ];
  if (after) {
    const [, writeDate, id] = after;
    domain.push('|', ['write_date', '>', writeDate], '&', ['write_date', '=', writeDate], ['id', '>', Number(id)]);
  }
  const fields = await orderFieldsOf(rpc);
  if (!fields.ok) return fields;
  const read = shaped(
    'sale.order.search_read',
    // One more than asked for says whether there is a next page without another call.
    await rpc.call('sale.order', 'search_read', [], { domain, fields: fields.value, order: 'write_date asc, id asc', limit: limit + 1 }),
    z.array(orderReadSchema.required({ write_date: true })),
  );
  if (!read.ok) return read;
  const page = read.value.slice(0, limit);

  const bundles = await readOrderBundles(rpc, page);
  if (!bundles.ok) return bundles;
  const orders: StorefrontOrder[] = [];
  for (const bundle of bundles.value) {
    const order = normaliseOdooOrder(bundle);
    if (order.ok) orders.push(order.value);
  }
  const last = page[page.length - 1];
  return { ok: true, value: { orders, nextCursor: read.value.length > limit && last ? `${last.write_date}|${last.id}` : null } };
}
