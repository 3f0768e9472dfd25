import type { ConnectorResult, OrderNote, StatusPush } from '../../contract.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { findMessages, markerToken, postMessage } from './chatter.ts';
import { recordIdOf } from './rpc-result.ts';

const STATUS_MARKER = '[pressline:status:';

/**
 * Posts Pressline's status on the sale order as an internal note (`mail.mt_note`): the
 * merchant sees it in the chatter; the customer hears from Pressline's own notifications,
 * not twice. Idempotent: nothing is posted when the last Pressline status on the order
 * already says the same status, so a retry after a lost response posts once.
 */
export async function pushStatus(rpc: OdooRpc, push: StatusPush): Promise<ConnectorResult<void>> {
  const id = recordIdOf(push.orderExternalId);
  if (id === null) return { ok: false, reason: 'not_found', message: `"${push.orderExternalId}" is not an Odoo sale order id` };
  // Status keys are snake_case; as dashes they stay readable in the chatter.
  const marker = `${STATUS_MARKER}${markerToken(push.status.replace(/_/g, '-'))}]`;

  const last = await findMessages(rpc, { model: 'sale.order', ids: [id] }, STATUS_MARKER, 1);
  if (!last.ok) return last;
  const latest = last.value[0];
  if (latest && latest.body !== false && latest.body.includes(marker)) return { ok: true, value: undefined };
  return postMessage(rpc, { model: 'sale.order', id }, `Pressline: ${push.label} ${marker}`, 'mail.mt_note');
}

/** A note on the sale order: customer-visible ones go to the followers (`mail.mt_comment`). */
export async function addOrderNote(rpc: OdooRpc, note: OrderNote): Promise<ConnectorResult<void>> {
  const id = recordIdOf(note.orderExternalId);
  if (id === null) return { ok: false, reason: 'not_found', message: `"${note.orderExternalId}" is not an Odoo sale order id` };
  return postMessage(rpc, { model: 'sale.order', id }, note.note, note.customerVisible ? 'mail.mt_comment' : 'mail.mt_note');
}
