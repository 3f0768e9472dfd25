import type { ConnectorResult, PlatformApi, ShopConnection } from '../../contract.ts';
import { asOdooConnection, type OdooConnection } from '../odoo-connection.ts';
import { createOdooRpcFactory, type OdooRpcFactoryOptions } from '../rpc/create-odoo-rpc.ts';
import type { OdooRpc } from '../rpc/odoo-rpc.ts';
import { buildReorder } from './build-reorder.ts';
import { createFulfillment } from './create-fulfillment.ts';
import { fetchOrder } from './fetch-order.ts';
import { listChangedOrders } from './list-changed-orders.ts';
import { addOrderNote, pushStatus } from './post-status.ts';

export type OdooApiOptions = OdooRpcFactoryOptions;

/** The outward half of the Odoo connector: reading sale orders and writing back to them. */
export function createOdooApi(options: OdooApiOptions = {}): PlatformApi {
  const rpcFor = createOdooRpcFactory(options);
  const run = async <T>(connection: ShopConnection, work: (rpc: OdooRpc, odoo: OdooConnection) => Promise<ConnectorResult<T>>): Promise<ConnectorResult<T>> => {
    const odoo = asOdooConnection(connection);
    return odoo.ok ? work(rpcFor(odoo.value), odoo.value) : odoo;
  };
  return {
    listChangedOrders: (connection, query) => run(connection, (rpc) => listChangedOrders(rpc, query)),
    fetchOrder: (connection, orderExternalId) => run(connection, (rpc) => fetchOrder(rpc, orderExternalId)),
    pushStatus: (connection, push) => run(connection, (rpc) => pushStatus(rpc, push)),
    createFulfillment: (connection, request) => run(connection, (rpc) => createFulfillment(rpc, request)),
    addOrderNote: (connection, note) => run(connection, (rpc) => addOrderNote(rpc, note)),
    buildReorder: (connection, request) => run(connection, (rpc, odoo) => buildReorder(rpc, odoo, request)),
  };
}
