import type { OdooConnection } from '../odoo-connection.ts';
import { createJson2Transport } from './json2-transport.ts';
import type { OdooRpc } from './odoo-rpc.ts';
import { createXmlRpcTransport, type XmlRpcSessions } from './xmlrpc-transport.ts';

export interface OdooRpcFactoryOptions {
  /** Replaces fetch for every Odoo call; defaults to the global fetch, looked up per call so msw sees it. */
  fetch?: typeof fetch;
  /** Per HTTP request; defaults to 30 s. */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * The one place an Odoo client is made. Odoo 17 and 18 get XML-RPC; 19 and later get
 * JSON-2, which replaces XML-RPC (deprecated in 19, to be removed in 22). XML-RPC logins
 * are remembered across calls for as long as the factory lives.
 */
export function createOdooRpcFactory(options: OdooRpcFactoryOptions = {}): (connection: OdooConnection) => OdooRpc {
  const transport = {
    fetch: options.fetch ?? ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 30_000,
    now: options.now ?? Date.now,
  };
  const sessions: XmlRpcSessions = new Map();
  return (connection) => (connection.version >= 19 ? createJson2Transport(connection, transport) : createXmlRpcTransport(connection, transport, sessions));
}
