import type { z } from 'zod';
import type { ConnectorResult } from '../../contract.ts';

/** A successful call's value checked against the shape Odoo documents for it. */
export function shaped<T>(label: string, result: ConnectorResult<unknown>, schema: z.ZodType<T>): ConnectorResult<T> {
  if (!result.ok) return result;
  const parsed = schema.safeParse(result.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'value';
  return { ok: false, reason: 'unavailable', message: `${label}: unexpected answer from Odoo (${where})` };
}

/** An Odoo record id from the contract's string id; null when it cannot be one. */
export function recordIdOf(externalId: string): number | null {
  if (!/^\d{1,15}$/.test(externalId)) return null;
  const id = Number(externalId);
  return id > 0 ? id : null;
}

/**
 * What `copy` or `message_post` return: one id over XML-RPC on 17 (the ORM downgrades the
 * record), a list of ids where the RPC layer turns records into `.ids` (JSON-2).
 */
export function singleIdOf(value: unknown): number | null {
  const id = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}
