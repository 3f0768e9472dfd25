import { z } from 'zod';
import type { ConnectorResult, OrderNote } from '../../contract.ts';
import { notFound, wooOrderId } from './order-document.ts';
import type { WooCommerceConnection, WooRest } from './rest-client.ts';

const noteSchema = z.object({
  id: z.number(),
  note: z.string(),
  customer_note: z.boolean(),
});

export type WooOrderNote = z.output<typeof noteSchema>;

/** The order's notes, newest first (WooCommerce lists them that way; sorted again to be sure). */
export async function listOrderNotes(
  rest: WooRest,
  connection: WooCommerceConnection,
  orderId: string,
  operation: string,
): Promise<ConnectorResult<WooOrderNote[]>> {
  const response = await rest(connection, { operation, method: 'GET', route: `wc/v3/orders/${orderId}/notes`, query: { type: 'any' } });
  if (!response.ok) return response;
  const parsed = z.array(noteSchema).safeParse(response.value.body);
  if (!parsed.success) return { ok: false, reason: 'unavailable', message: `${operation}: WooCommerce did not answer with a list of order notes` };
  return { ok: true, value: [...parsed.data].sort((a, b) => b.id - a.id) };
}

/** `customer_note: true` makes WooCommerce e-mail the note to the customer. */
export async function postOrderNote(
  rest: WooRest,
  connection: WooCommerceConnection,
  orderId: string,
  note: { text: string; customerNote: boolean },
  operation: string,
): Promise<ConnectorResult<void>> {
  const response = await rest(connection, {
    operation,
    method: 'POST',
    route: `wc/v3/orders/${orderId}/notes`,
    body: { note: note.text, customer_note: note.customerNote },
  });
  return response.ok ? { ok: true, value: undefined } : response;
}

export async function addOrderNote(rest: WooRest, connection: WooCommerceConnection, note: OrderNote): Promise<ConnectorResult<void>> {
  const operation = 'addOrderNote';
  const orderId = wooOrderId(note.orderExternalId);
  if (orderId === null) return notFound(operation, note.orderExternalId);
  return postOrderNote(rest, connection, orderId, { text: note.note, customerNote: note.customerVisible }, operation);
}
