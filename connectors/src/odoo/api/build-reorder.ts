import { z } from 'zod';
import type { ConnectorResult, Reorder, ReorderRequest } from '../../contract.ts';
import { odooBaseUrl, type OdooConnection } from '../odoo-connection.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { recordIdOf, shaped, singleIdOf } from './rpc-result.ts';

const lineSchema = z.object({ id: z.number(), display_type: z.union([z.string(), z.literal(false)]), is_downpayment: z.boolean() });

/**
 * A new quotation with the original order's lines, by Odoo's own `copy` of the sale
 * order (lines, products, prices, customer; `origin` names the original). With
 * `lineExternalIds`, the copied lines of the others are removed again. The merchant (or a
 * portal customer, once it is sent) confirms it in Odoo.
 */
export async function buildReorder(rpc: OdooRpc, connection: OdooConnection, request: ReorderRequest): Promise<ConnectorResult<Reorder>> {
  const originalId = recordIdOf(request.order.externalId);
  if (originalId === null) return { ok: false, reason: 'not_found', message: `"${request.order.externalId}" is not an Odoo sale order id` };

  const copied = await rpc.call('sale.order', 'copy', [[originalId]], { default: { origin: request.order.name } });
  if (!copied.ok) return copied;
  const quotationId = singleIdOf(copied.value);
  if (quotationId === null) return { ok: false, reason: 'unavailable', message: 'sale.order.copy: Odoo returned no new order id' };

  if (request.lineExternalIds) {
    const kept = await keepOnlyLines(rpc, originalId, quotationId, new Set(request.lineExternalIds));
    if (!kept.ok) return kept;
  }
  return { ok: true, value: { kind: 'quotation', externalId: String(quotationId), url: quotationUrl(connection, quotationId) } };
}

/**
 * Odoo copies every line but down payments, keeping their sequence, so the copy's lines
 * pair up in order with the original's. Sections and notes stay.
 */
async function keepOnlyLines(rpc: OdooRpc, originalId: number, quotationId: number, wanted: ReadonlySet<string>): Promise<ConnectorResult<void>> {
  const linesOf = async (orderId: number) =>
    shaped(
      'sale.order.line.search_read',
      await rpc.call('sale.order.line', 'search_read', [], {
        domain: [['order_id', '=', orderId]],
        fields: ['display_type', 'is_downpayment'],
        order: 'sequence asc, id asc',
      }),
      z.array(lineSchema),
    );
  const original = await linesOf(originalId);
  if (!original.ok) return original;
  const copy = await linesOf(quotationId);
  if (!copy.ok) return copy;
  const copiedFrom = original.value.filter((line) => !line.is_downpayment);
  if (copiedFrom.length !== copy.value.length) {
    return { ok: false, reason: 'rejected', message: `quotation ${quotationId} does not have the original's lines, so the chosen lines cannot be picked out` };
  }
  const drop = copy.value.filter((_, index) => {
    const source = copiedFrom[index]!;
    return source.display_type === false && !wanted.has(String(source.id));
  });
  if (drop.length === 0) return { ok: true, value: undefined };
  const written = await rpc.call('sale.order', 'write', [[quotationId]], { vals: { order_line: drop.map((line) => [2, line.id, 0]) } });
  return written.ok ? { ok: true, value: undefined } : written;
}

/**
 * The quotation's form in the Odoo backend. Odoo 17 addresses records with `/web#…`; 18
 * introduced `/odoo/<action>/<id>` URLs (and redirects the old form), so 18+ open it in the
 * Sales app's Quotations action.
 */
export function quotationUrl(connection: OdooConnection, id: number): string {
  const base = odooBaseUrl(connection);
  return connection.version >= 18 ? `${base}/odoo/action-sale.action_quotations/${id}` : `${base}/web#id=${id}&model=sale.order&view_type=form`;
}
