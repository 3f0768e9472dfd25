import { z } from 'zod';
import type { ConnectorResult, StorefrontOrder } from '../../contract.ts';
import { normaliseOdooOrder } from '../normalise-order.ts';
import { orderReadSchema } from '../order-read.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { orderFieldsOf, readOrderBundles } from './read-orders.ts';
import { recordIdOf, shaped } from './rpc-result.ts';

/**
 * One sale order by id, with its lines, customer, delivery contact and products: a
 * `fields_get` (is `delivery` installed?) and four reads. An order Odoo holds but
 * Pressline cannot take as it is (a fractional quantity, an unknown currency) is
 * `rejected` with the reason.
 */
export async function fetchOrder(rpc: OdooRpc, orderExternalId: string): Promise<ConnectorResult<StorefrontOrder>> {
  const id = recordIdOf(orderExternalId);
  if (id === null) return { ok: false, reason: 'not_found', message: `"${orderExternalId}" is not an Odoo sale order id` };
  const fields = await orderFieldsOf(rpc);
  if (!fields.ok) return fields;
  const read = shaped('sale.order.read', await rpc.call('sale.order', 'read', [[id]], { fields: fields.value }), z.array(orderReadSchema));
  if (!read.ok) return read;
  const [order] = read.value;
  if (!order) return { ok: false, reason: 'not_found', message: `Odoo has no sale order ${id}` };

  const bundles = await readOrderBundles(rpc, [order]);
  if (!bundles.ok) return bundles;
  const normalised = normaliseOdooOrder(bundles.value[0]!);
  return normalised.ok ? normalised : { ok: false, reason: 'rejected', message: normalised.message };
}
