import type { Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { optedOut } from '../notifications/draft-email.ts';
import type { effectPayloads } from './effect-kinds.ts';
import type { PreparedSend, SendOutcome } from './send-outcome.ts';
import type { z } from 'zod';

/** A customer e-mail, unless the customer opted out since it was written. */
export async function prepareEmail(
  tx: Tx,
  deps: Pick<CoreDeps, 'mailer'>,
  row: { shopId: string },
  payload: z.infer<(typeof effectPayloads)['email']>,
): Promise<PreparedSend | SendOutcome> {
  if (await optedOut(tx, row.shopId, payload.to)) return { kind: 'skipped', reason: 'opted_out' };
  const mailer = deps.mailer;
  if (!mailer) return { kind: 'transient', message: 'No SMTP server is configured (SMTP_HOST)' };
  return {
    call: async () => {
      const result = await mailer.send({ to: payload.to, subject: payload.subject, text: payload.text });
      if (result.ok) return { kind: 'sent', result: { messageId: result.messageId } };
      return result.transient ? { kind: 'transient', message: result.message } : { kind: 'permanent', message: result.message };
    },
  };
}
