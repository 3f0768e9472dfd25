import type { ConnectorResult } from '../../contract.ts';

/**
 * `[]` for a model method (search_read, fields_get), `[ids]` for a record method (read,
 * write, message_post, button_validate). Every other parameter goes by name in `kwargs`:
 * XML-RPC's execute_kw takes that form as well as positions, and JSON-2 takes names only,
 * so both transports send the same call.
 */
export type OdooArgs = readonly [] | readonly [ids: readonly number[]];

/** One Odoo database, over whichever external API its version speaks. */
export interface OdooRpc {
  call(model: string, method: string, args: OdooArgs, kwargs?: Record<string, unknown>): Promise<ConnectorResult<unknown>>;
}

export interface OdooTransportOptions {
  fetch: typeof fetch;
  /** Per HTTP request. */
  timeoutMs: number;
  now: () => number;
}
