import { z } from 'zod';

/**
 * The body of Odoo's "Send Webhook Notification" server action (`state='webhook'`,
 * Odoo 17+): `json.dumps({'_action': 'name(#id)', '_id': id, '_model': model, ...fields},
 * sort_keys=True, default=str)`, where the fields are `record.read(fields, load=None)`, so
 * a datetime such as `write_date` arrives as "YYYY-MM-DD HH:MM:SS" (UTC) and a many2one as
 * a bare id. It is a notice: the order itself is read back through the API.
 */
export const webhookNoticeSchema = z
  .object({
    _model: z.string().min(1),
    _id: z.number().int().positive().optional(),
    _action: z.string().optional(),
    write_date: z.union([z.string(), z.literal(false)]).optional(),
  })
  .loose();

export type WebhookNotice = z.output<typeof webhookNoticeSchema>;

export type NoticeResult = { ok: true; value: WebhookNotice } | { ok: false; message: string };

export function readWebhookNotice(rawBody: string): NoticeResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, message: 'the body is not JSON' };
  }
  const parsed = webhookNoticeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    return { ok: false, message: `not an Odoo webhook notification (${where}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, value: parsed.data };
}
