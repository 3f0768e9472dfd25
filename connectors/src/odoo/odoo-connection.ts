import type { ConnectorFailure, ShopConnection } from '../contract.ts';

/** The contract's connection for an Odoo database. */
export type OdooConnection = Extract<ShopConnection, { platform: 'odoo' }>;

/** Narrows a connection core handed over; any other platform's is a wiring mistake. */
export function asOdooConnection(connection: ShopConnection): { ok: true; value: OdooConnection } | ConnectorFailure {
  if (connection.platform === 'odoo') return { ok: true, value: connection };
  return { ok: false, reason: 'rejected', message: `the Odoo connector was given a ${connection.platform} connection` };
}

/** The database's base URL without a trailing slash, e.g. "https://acme.odoo.com". */
export function odooBaseUrl(connection: OdooConnection): string {
  return connection.url.replace(/\/+$/, '');
}
