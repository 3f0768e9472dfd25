import { z } from 'zod';
import type { ConnectorResult, OrderNote, ShopConnection } from '../../contract.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { toGid } from './gid.ts';
import { rejectedByUserErrors, userErrorSchema } from './translate-error.ts';

const SEPARATOR = '\n\n';

const readNote: AdminOperation<{ order: { note: string | null } | null }> = {
  name: 'PresslineOrderNote',
  document: /* GraphQL */ `
    query PresslineOrderNote($id: ID!) {
      order(id: $id) { note }
    }
  `,
  data: z.object({ order: z.object({ note: z.string().nullable() }).nullable() }),
};

const writeNote: AdminOperation<{ orderUpdate: { userErrors: z.output<typeof userErrorSchema>[] } | null }> = {
  name: 'PresslineAppendNote',
  document: /* GraphQL */ `
    mutation PresslineAppendNote($input: OrderInput!) {
      orderUpdate(input: $input) { userErrors { field message } }
    }
  `,
  data: z.object({ orderUpdate: z.object({ userErrors: z.array(userErrorSchema) }).nullable() }),
};

/**
 * Appends a paragraph to the order's note. Shopify's order note is seen by staff only
 * and the Admin API has no customer-visible order note or timeline comment, so a
 * `customerVisible` note lands here like any other: telling the customer is the job of
 * Pressline's own notification channel (e-mail, the order status widget), not this call.
 *
 * Retry-safe by state: a note that already ends the order's note (the previous attempt
 * was applied and its response lost) is not appended twice. orderUpdate replaces the
 * whole note and has no compare-and-set, so a merchant edit in the instant between the
 * read and the write would be overwritten.
 */
export async function addOrderNote(gql: AdminGraphql, connection: ShopConnection, note: OrderNote): Promise<ConnectorResult<void>> {
  const id = toGid('Order', note.orderExternalId);
  if (id === null) return { ok: false, reason: 'not_found', message: `"${note.orderExternalId}" is not a Shopify order id` };
  const text = note.note.trim();
  if (text === '') return { ok: false, reason: 'rejected', message: 'the note is empty' };

  const read = await gql(connection, readNote, { id });
  if (!read.ok) return read;
  if (!read.value.order) return { ok: false, reason: 'not_found', message: `Shopify has no order ${note.orderExternalId}` };
  const existing = read.value.order.note?.trimEnd() ?? '';
  if (existing === text || existing.endsWith(`${SEPARATOR}${text}`)) return { ok: true, value: undefined };

  const written = await gql(connection, writeNote, { input: { id, note: existing === '' ? text : `${existing}${SEPARATOR}${text}` } });
  if (!written.ok) return written;
  const payload = written.value.orderUpdate;
  if (!payload) return { ok: false, reason: 'unavailable', message: 'orderUpdate returned no payload' };
  if (payload.userErrors.length > 0) return rejectedByUserErrors('orderUpdate', payload.userErrors);
  return { ok: true, value: undefined };
}
