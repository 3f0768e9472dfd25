import type { Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { effectPayloads, type EffectKind } from './effect-kinds.ts';
import { prepareEmail } from './email-effect.ts';
import { prepareFulfillment, prepareOrderNote, preparePushStatus, prepareTrackingUpdate } from './platform-effects.ts';
import type { PreparedSend, SendOutcome } from './send-outcome.ts';
import { prepareWebhook } from './webhook-effect.ts';

export interface OutboxRow {
  shopId: string;
  kind: string;
  orderId: string | null;
  idempotencyKey: string;
  payload: unknown;
}

/** Reads what the effect needs now and returns the call to make, or an outcome reached without one. */
export async function prepareSend(tx: Tx, deps: CoreDeps & { timeoutMs: number }, row: OutboxRow): Promise<PreparedSend | SendOutcome> {
  if (!(row.kind in effectPayloads)) return { kind: 'permanent', message: `Unknown effect kind ${row.kind}` };
  const kind = row.kind as EffectKind;
  switch (kind) {
    case 'push_status':
      return withPayload(kind, row.payload, (payload) => preparePushStatus(tx, deps, row, payload));
    case 'create_fulfillment':
      return withPayload(kind, row.payload, (payload) => prepareFulfillment(tx, deps, row, payload));
    case 'update_tracking':
      return withPayload(kind, row.payload, (payload) => prepareTrackingUpdate(tx, deps, row, payload));
    case 'order_note':
      return withPayload(kind, row.payload, (payload) => prepareOrderNote(tx, deps, row, payload));
    case 'email':
      return withPayload(kind, row.payload, (payload) => prepareEmail(tx, deps, row, payload));
    case 'webhook':
      return withPayload(kind, row.payload, (payload) => prepareWebhook(tx, deps, row, payload));
  }
}

async function withPayload<K extends EffectKind>(
  kind: K,
  raw: unknown,
  next: (payload: ReturnType<(typeof effectPayloads)[K]['parse']>) => Promise<PreparedSend | SendOutcome>,
): Promise<PreparedSend | SendOutcome> {
  const parsed = effectPayloads[kind].safeParse(raw);
  if (!parsed.success) return { kind: 'permanent', message: `Malformed ${kind} payload` };
  return next(parsed.data as ReturnType<(typeof effectPayloads)[K]['parse']>);
}
