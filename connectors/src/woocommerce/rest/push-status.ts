import type { ConnectorResult, StatusPush } from '../../contract.ts';
import { loadOrderDocument, notFound, orderMeta, wooOrderId } from './order-document.ts';
import { listOrderNotes, postOrderNote } from './order-notes.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';

/** Private order notes Pressline writes start with this. */
export const STATUS_NOTE_PREFIX = 'Production: ';
/** Order meta holding Pressline's status key, for themes and other plugins to read. */
export const STATUS_META_KEY = '_pressline_status';

/**
 * WooCommerce's few statuses can't express production stages, and changing them sends
 * e-mails. So the stage goes into a private order note ("Production: Printing") and the
 * `_pressline_status` order meta. Both steps look before they write, so a retry after a
 * lost response neither repeats the note nor touches the order again: the note is
 * skipped when the newest Pressline note already says it, the meta when it already holds it.
 */
export async function pushStatus(rest: WooRest, connection: WooCommerceConnection, push: StatusPush): Promise<ConnectorResult<void>> {
  const operation = 'pushStatus';
  const orderId = wooOrderId(push.orderExternalId);
  if (orderId === null) return notFound(operation, push.orderExternalId);

  const order = await loadOrderDocument(rest, connection, orderId, operation);
  if (!order.ok) return order;

  const text = `${STATUS_NOTE_PREFIX}${push.label}`;
  const notes = await listOrderNotes(rest, connection, orderId, operation);
  if (!notes.ok) return notes;
  const latest = notes.value.find((note) => !note.customer_note && note.note.startsWith(STATUS_NOTE_PREFIX));
  if (latest?.note.trim() !== text.trim()) {
    const posted = await postOrderNote(rest, connection, orderId, { text, customerNote: false }, operation);
    if (!posted.ok) return posted;
  }

  // Writing the order bumps date_modified and sends order.updated: only when it changes.
  if (orderMeta(order.value, STATUS_META_KEY) !== push.status) {
    const updated = await rest(connection, {
      operation,
      method: 'PUT',
      route: `wc/v3/orders/${orderId}`,
      body: { meta_data: [{ key: STATUS_META_KEY, value: push.status }] },
    });
    if (!updated.ok) return updated;
  }
  return { ok: true, value: undefined };
}
