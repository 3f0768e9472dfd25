import { createHash, timingSafeEqual } from 'node:crypto';
import type { ShopConnection, VerifyResult } from '../contract.ts';
import { odooDatetimeToIso } from './odoo-values.ts';
import { readWebhookNotice } from './webhook-notice.ts';

/**
 * Odoo's webhook server action signs nothing and sends no header of its own. The Pressline
 * addon (connectors/odoo/addon/pressline) sends the shop's webhook secret, configured in
 * Settings → Pressline, in this header with every notification.
 */
export const ODOO_WEBHOOK_SECRET_HEADER = 'X-Pressline-Webhook-Secret';

/**
 * Checks an Odoo webhook against the secret of the shop named in the delivery URL, compared
 * in constant time, and only then reads the body: the topic is the record's `_model`.
 * The delivery key is the record and its `write_date`, so Odoo sending the same state of an
 * order twice is one delivery; without a `write_date` it is a hash of the body.
 */
export async function verifyOdooWebhook(request: Request, rawBody: string, connection: ShopConnection | null | undefined): Promise<VerifyResult> {
  if (!connection || connection.platform !== 'odoo') {
    return invalid('no Odoo shop is known for this webhook URL, so there is no secret to check it against');
  }
  const sent = request.headers.get(ODOO_WEBHOOK_SECRET_HEADER);
  if (sent === null || sent === '') return invalid(`the ${ODOO_WEBHOOK_SECRET_HEADER} header is missing`);
  if (!sameSecret(sent, connection.webhookSecret)) return invalid(`the ${ODOO_WEBHOOK_SECRET_HEADER} header does not match the shop's webhook secret`);

  const notice = readWebhookNotice(rawBody);
  if (!notice.ok) return { ok: false, reason: 'missing_headers', message: notice.message };
  const topic = notice.value._model.trim().toLowerCase();
  const writeDate = typeof notice.value.write_date === 'string' ? odooDatetimeToIso(notice.value.write_date) : null;
  const record = notice.value._id === undefined ? topic : `${topic}:${notice.value._id}`;

  return {
    ok: true,
    delivery: {
      platform: 'odoo',
      shopDomain: hostOf(connection.url),
      topic,
      deliveryKey: writeDate ? `${record}:${writeDate}` : `${record}:sha256-${sha256(rawBody)}`,
      eventId: null,
      triggeredAt: writeDate,
      apiVersion: String(connection.version),
    },
  };
}

/** The Odoo database's host, e.g. "acme.odoo.com"; the URL as given if it is not one. */
function hostOf(url: string): string {
  return (URL.canParse(url) ? new URL(url).host : url).toLowerCase();
}

function sameSecret(sent: string, expected: string): boolean {
  // Digests have equal lengths, so the comparison itself says nothing about the secret's length.
  return timingSafeEqual(createHash('sha256').update(sent).digest(), createHash('sha256').update(expected).digest());
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function invalid(message: string): VerifyResult {
  return { ok: false, reason: 'invalid_signature', message };
}
