import { ODOO_WEBHOOK_SECRET_HEADER } from '../verify-webhook.ts';

/** The POST the Pressline addon's server action sends to `/webhooks/odoo/<shop id>`. */
export interface OdooWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface OdooWebhookOptions {
  orderId: number;
  /** The shop's webhook secret; null sends no secret header (Odoo's stock webhook action). */
  secret: string | null;
  /** Odoo's UTC "YYYY-MM-DD HH:MM:SS"; false when the field is not sent. */
  writeDate: string | false;
  name?: string;
  state?: string;
  /** The record's model; Pressline only asks for sale.order. */
  model?: string;
  /** The server action, named in `_action` as "name(#id)". */
  action?: { name: string; id: number };
}

/**
 * The notification Odoo's "Send Webhook Notification" server action sends:
 * `json.dumps({'_action', '_id', '_model', **record.read(fields, load=None)[0]},
 * sort_keys=True, default=str)`, byte for byte (Python's separators and ASCII escapes),
 * with the addon's secret header.
 */
export function buildOdooWebhook(options: OdooWebhookOptions): OdooWebhook {
  const action = options.action ?? { name: 'Pressline: send confirmed order', id: 512 };
  const values: Record<string, unknown> = {
    _action: `${action.name}(#${action.id})`,
    _id: options.orderId,
    _model: options.model ?? 'sale.order',
    id: options.orderId,
  };
  if (options.name !== undefined) values['name'] = options.name;
  if (options.state !== undefined) values['state'] = options.state;
  if (options.writeDate !== false) values['write_date'] = options.writeDate;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.secret !== null) headers[ODOO_WEBHOOK_SECRET_HEADER] = options.secret;
  return { headers, body: pythonJsonDumps(values) };
}

/** `json.dumps(value, sort_keys=True)`: ", " and ": " separators, non-ASCII as \uXXXX. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('JSON cannot carry a non-finite number');
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${pythonJsonDumps(key)}: ${pythonJsonDumps(member)}`).join(', ')}}`;
  }
  throw new TypeError(`cannot serialise a ${typeof value}`);
}
