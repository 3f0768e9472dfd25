import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ConnectorResult } from '../../contract.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { shaped } from './rpc-result.ts';

// Pressline writes to an Odoo record's chatter with `message_post`. Bodies go as plain
// text, which Odoo HTML-escapes; markers are plain ASCII so they read back unchanged and
// can be searched for with `ilike` on mail.message.body.

/** `mail.mt_note` is an internal note; `mail.mt_comment` is a message the followers (the customer) get. */
export type ChatterSubtype = 'mail.mt_note' | 'mail.mt_comment';

export async function postMessage(rpc: OdooRpc, target: { model: string; id: number }, body: string, subtype: ChatterSubtype): Promise<ConnectorResult<void>> {
  const result = await rpc.call(target.model, 'message_post', [[target.id]], { body, message_type: 'comment', subtype_xmlid: subtype });
  return result.ok ? { ok: true, value: undefined } : result;
}

const messageSchema = z.object({ id: z.number(), res_id: z.number(), body: z.union([z.string(), z.literal(false)]) });
export type ChatterMessage = z.output<typeof messageSchema>;

/** Messages on the given records whose body holds `marker`, newest first. */
export async function findMessages(
  rpc: OdooRpc,
  target: { model: string; ids: readonly number[] },
  marker: string,
  limit: number,
): Promise<ConnectorResult<ChatterMessage[]>> {
  const result = await rpc.call('mail.message', 'search_read', [], {
    domain: [['model', '=', target.model], ['res_id', 'in', [...target.ids]], ['body', 'ilike', marker]],
    fields: ['res_id', 'body'],
    order: 'id desc',
    limit,
  });
  const found = shaped('mail.message.search_read', result, z.array(messageSchema));
  if (!found.ok) return found;
  // ilike reads "_" as a wildcard: keep only the exact marker.
  return { ok: true, value: found.value.filter((message) => message.body !== false && message.body.includes(marker)) };
}

/**
 * A marker token for a key of any shape: the key itself when it is letters, digits, dots
 * and dashes, else its hash. Never "_" or "%": `ilike` would read them as wildcards and
 * the search could return another key's message in place of this one's.
 */
export function markerToken(key: string): string {
  return /^[A-Za-z0-9.-]{1,64}$/.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 32);
}
