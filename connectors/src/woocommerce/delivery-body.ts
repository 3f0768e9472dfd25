import { z } from 'zod';
import type { ParseResult } from '../contract.ts';
import { wooGmtDateSchema, wooIdSchema } from './order-payload-schema.ts';
import { malformed, readJson } from '../payload-errors.ts';

/**
 * What a WooCommerce webhook body says about the delivery, whatever its topic:
 * - `resource`: order.created / updated / restored carry the REST resource; order.deleted
 *   carries only `{ "id": N }`.
 * - `action`: `action.<hook>` topics carry `{ "action": "<hook>", "arg": <first hook argument> }`,
 *   the order id for the order hooks Pressline subscribes to.
 */
export type WooDeliveryBody =
  | { kind: 'resource'; id: string; modifiedAt: string | null; status: string | null }
  | { kind: 'action'; action: string; arg: string | null };

const actionSchema = z.object({
  action: z.string().min(1),
  arg: z.unknown(),
});

const resourceSchema = z.object({
  id: wooIdSchema,
  date_modified_gmt: wooGmtDateSchema.nullish(),
  status: z.string().nullish(),
});

export function readWooCommerceDeliveryBody(rawBody: string): ParseResult<WooDeliveryBody> {
  const read = readJson(rawBody);
  if (!read.ok) return read;
  const json = read.value;

  const action = actionSchema.safeParse(json);
  if (action.success) {
    const arg = wooIdSchema.safeParse(action.data.arg);
    return { ok: true, value: { kind: 'action', action: action.data.action, arg: arg.success ? arg.data : null } };
  }
  const resource = resourceSchema.safeParse(json);
  if (resource.success) {
    const { id, date_modified_gmt, status } = resource.data;
    return { ok: true, value: { kind: 'resource', id, modifiedAt: date_modified_gmt ?? null, status: status ?? null } };
  }
  return malformed('not a WooCommerce webhook body: expected an "id" or an "action" with its "arg"');
}

/** The order a delivery is about: the resource id, or an order action's argument. */
export function parseWooCommerceOrderReference(rawBody: string): ParseResult<{ externalId: string }> {
  const body = readWooCommerceDeliveryBody(rawBody);
  if (!body.ok) return body;
  if (body.value.kind === 'resource') return { ok: true, value: { externalId: body.value.id } };
  if (body.value.arg !== null) return { ok: true, value: { externalId: body.value.arg } };
  return malformed(`the action "${body.value.action}" does not name an order id`);
}

