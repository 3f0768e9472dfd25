import { z } from 'zod';
import type { ConnectorResult, FulfillmentRequest } from '../../contract.ts';
import { many2one } from '../order-read.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { findMessages, markerToken, postMessage } from './chatter.ts';
import { recordIdOf, shaped } from './rpc-result.ts';

type Fulfilled = ConnectorResult<{ fulfillmentExternalId: string; created: boolean }>;

const pickingSchema = z.object({ id: z.number(), name: z.string(), state: z.string(), picking_type_code: z.union([z.string(), z.literal(false)]) });
const moveSchema = z.object({ id: z.number(), picking_id: many2one, sale_line_id: many2one, product_uom_qty: z.number() });
type Picking = z.output<typeof pickingSchema>;
type Move = z.output<typeof moveSchema>;

/**
 * Ships lines of a sale order by validating its open outgoing delivery (`stock.picking`).
 *
 * 1. Idempotency first: the delivery that carries this key's marker in its chatter is the
 *    fulfillment. Done → nothing more (`created: false`). The marker is posted before
 *    anything is changed, so a retry after a lost response finds it and never validates a
 *    second delivery (the backorder Odoo made of the rest).
 * 2. Otherwise the first open outgoing delivery holding all the requested lines is chosen
 *    and marked.
 * 3. The requested quantities are set on its moves (`quantity`, `picked`, Odoo 17+), the
 *    other moves are left unpicked, the tracking numbers go in `carrier_tracking_ref` (when
 *    stock_delivery is installed; the marker message carries them in any case), and
 *    `button_validate` runs with `skip_backorder`: Odoo skips the backorder wizard and
 *    puts what is not shipped in a backorder delivery (unless the operation type says
 *    never to). Any other wizard (e.g. SMS confirmation, quality checks) stops it here.
 * 4. With `notifyCustomer`, a message to the order's followers says it shipped.
 */
export async function createFulfillment(rpc: OdooRpc, request: FulfillmentRequest): Promise<Fulfilled> {
  const orderId = recordIdOf(request.orderExternalId);
  if (orderId === null) return { ok: false, reason: 'not_found', message: `"${request.orderExternalId}" is not an Odoo sale order id` };
  const wanted = wantedQuantities(request);
  if (!wanted.ok) return wanted;

  const order = shaped(
    'sale.order.read',
    await rpc.call('sale.order', 'read', [[orderId]], { fields: ['name', 'picking_ids'] }),
    z.array(z.object({ name: z.string(), picking_ids: z.array(z.number()) })),
  );
  if (!order.ok) return order;
  const [orderRead] = order.value;
  if (!orderRead) return { ok: false, reason: 'not_found', message: `Odoo has no sale order ${orderId}` };
  const { name: orderName, picking_ids: pickingIds } = orderRead;
  if (pickingIds.length === 0) {
    return { ok: false, reason: 'rejected', message: `${orderName} has no delivery: is it confirmed, and are its products goods rather than services?` };
  }

  const marker = `[pressline:fulfillment:${markerToken(request.idempotencyKey)}]`;
  const marked = await findMessages(rpc, { model: 'stock.picking', ids: pickingIds }, marker, 1);
  if (!marked.ok) return marked;

  const pickings = shaped(
    'stock.picking.search_read',
    await rpc.call('stock.picking', 'search_read', [], {
      domain: [['id', 'in', pickingIds]],
      fields: ['name', 'state', 'picking_type_code'],
      order: 'id asc',
    }),
    z.array(pickingSchema),
  );
  if (!pickings.ok) return pickings;

  let picking: Picking | undefined;
  let moves: Move[];
  const markedId = marked.value[0]?.res_id;
  if (markedId !== undefined) {
    picking = pickings.value.find((candidate) => candidate.id === markedId);
    if (!picking) return { ok: false, reason: 'not_found', message: `the delivery Pressline marked for this shipment is gone from ${orderName}` };
    if (picking.state === 'done') return { ok: true, value: { fulfillmentExternalId: String(picking.id), created: false } };
    if (picking.state === 'cancel') return { ok: false, reason: 'rejected', message: `${picking.name}, the delivery for this shipment, was cancelled in Odoo` };
    const read = await openMoves(rpc, [picking.id]);
    if (!read.ok) return read;
    moves = read.value;
  } else {
    const open = pickings.value.filter((candidate) => candidate.picking_type_code === 'outgoing' && candidate.state !== 'done' && candidate.state !== 'cancel');
    const read = await openMoves(rpc, open.map((candidate) => candidate.id));
    if (!read.ok) return read;
    picking = open.find((candidate) => [...wanted.value.keys()].every((lineId) => read.value.some((move) => pickingOf(move) === candidate.id && lineOf(move) === lineId)));
    if (!picking) {
      return { ok: false, reason: 'rejected', message: `${orderName} has no open delivery holding all of lines ${[...wanted.value.keys()].join(', ')}` };
    }
    moves = read.value;
    const posted = await postMessage(rpc, { model: 'stock.picking', id: picking.id }, markerBody(request, marker), 'mail.mt_note');
    if (!posted.ok) return posted;
  }
  const target = picking;
  const own = moves.filter((move) => pickingOf(move) === target.id);

  const plan = planQuantities(own, wanted.value, target.name);
  if (!plan.ok) return plan;
  for (const [moveId, quantity] of plan.value) {
    const written = await rpc.call('stock.move', 'write', [[moveId]], { vals: { quantity, picked: true } });
    if (!written.ok) return written;
  }
  const untouched = own.filter((move) => !plan.value.has(move.id)).map((move) => move.id);
  if (untouched.length > 0) {
    const written = await rpc.call('stock.move', 'write', [untouched], { vals: { picked: false } });
    if (!written.ok) return written;
  }

  if (request.trackingNumbers.length > 0) {
    const tracked = await setTrackingReference(rpc, target.id, request.trackingNumbers.join(', '));
    if (!tracked.ok) return tracked;
  }

  const validated = await rpc.call('stock.picking', 'button_validate', [[target.id]], { context: { skip_backorder: true, skip_sms: true } });
  if (!validated.ok) return validated;
  if (validated.value !== true) {
    const wizard = z.object({ res_model: z.string() }).safeParse(validated.value);
    return {
      ok: false,
      reason: 'rejected',
      message: `Odoo did not validate ${target.name}: it asks for a confirmation first${wizard.success ? ` (${wizard.data.res_model})` : ''}; validate it in Odoo`,
    };
  }

  if (request.notifyCustomer) {
    const told = await postMessage(rpc, { model: 'sale.order', id: orderId }, shippedBody(orderName, request), 'mail.mt_comment');
    if (!told.ok) return told;
  }
  return { ok: true, value: { fulfillmentExternalId: String(target.id), created: true } };
}

function wantedQuantities(request: FulfillmentRequest): ConnectorResult<Map<number, number>> {
  if (request.lines.length === 0) return { ok: false, reason: 'rejected', message: 'a fulfillment needs at least one line' };
  const wanted = new Map<number, number>();
  for (const line of request.lines) {
    const id = recordIdOf(line.lineExternalId);
    if (id === null) return { ok: false, reason: 'rejected', message: `"${line.lineExternalId}" is not an Odoo order line id` };
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) return { ok: false, reason: 'rejected', message: `line ${id}: ${line.quantity} is not a quantity to ship` };
    wanted.set(id, (wanted.get(id) ?? 0) + line.quantity);
  }
  return { ok: true, value: wanted };
}

async function openMoves(rpc: OdooRpc, pickingIds: readonly number[]): Promise<ConnectorResult<Move[]>> {
  if (pickingIds.length === 0) return { ok: true, value: [] };
  const result = await rpc.call('stock.move', 'search_read', [], {
    domain: [['picking_id', 'in', [...pickingIds]], ['state', 'not in', ['done', 'cancel']]],
    fields: ['picking_id', 'sale_line_id', 'product_uom_qty'],
    order: 'id asc',
  });
  return shaped('stock.move.search_read', result, z.array(moveSchema));
}

/** How much of each move to ship: a line's quantity fills its moves in order. */
function planQuantities(moves: readonly Move[], wanted: ReadonlyMap<number, number>, pickingName: string): ConnectorResult<Map<number, number>> {
  const plan = new Map<number, number>();
  for (const [lineId, quantity] of wanted) {
    const lineMoves = moves.filter((move) => lineOf(move) === lineId);
    const demand = lineMoves.reduce((sum, move) => sum + move.product_uom_qty, 0);
    if (quantity > demand) return { ok: false, reason: 'rejected', message: `line ${lineId}: ${quantity} to ship, but ${pickingName} holds only ${demand}` };
    let left = quantity;
    for (const move of lineMoves) {
      const take = Math.min(left, move.product_uom_qty);
      if (take > 0) plan.set(move.id, take);
      left -= take;
    }
  }
  return { ok: true, value: plan };
}

async function setTrackingReference(rpc: OdooRpc, pickingId: number, reference: string): Promise<ConnectorResult<void>> {
  // carrier_tracking_ref comes with stock_delivery (`delivery` before 17); without it, the
  // marker message is where the tracking numbers are.
  const fields = shaped(
    'stock.picking.fields_get',
    await rpc.call('stock.picking', 'fields_get', [], { allfields: ['carrier_tracking_ref'], attributes: ['type'] }),
    z.record(z.string(), z.unknown()),
  );
  if (!fields.ok) return fields;
  if (!('carrier_tracking_ref' in fields.value)) return { ok: true, value: undefined };
  const written = await rpc.call('stock.picking', 'write', [[pickingId]], { vals: { carrier_tracking_ref: reference } });
  return written.ok ? { ok: true, value: undefined } : written;
}

function markerBody(request: FulfillmentRequest, marker: string): string {
  const lines = request.lines.map((line) => `${line.quantity} × line ${line.lineExternalId}`).join(', ');
  return `Pressline is shipping ${lines}${trackingText(request)} ${marker}`;
}

function shippedBody(orderName: string, request: FulfillmentRequest): string {
  return `Your order ${orderName} has shipped${trackingText(request)}.`;
}

function trackingText(request: FulfillmentRequest): string {
  const parts = [
    request.carrier ? `carrier ${request.carrier}` : null,
    request.trackingNumbers.length > 0 ? `tracking ${request.trackingNumbers.join(', ')}` : null,
    request.trackingUrl ? request.trackingUrl : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function pickingOf(move: Move): number | null {
  return move.picking_id === false ? null : move.picking_id[0];
}

function lineOf(move: Move): number | null {
  return move.sale_line_id === false ? null : move.sale_line_id[0];
}
