import type { OdooTransportOptions } from './odoo-rpc.ts';

export type PostResult = { ok: true; response: Response; text: string } | { ok: false };

/**
 * POSTs through the injected fetch and reads the whole answer. `{ ok: false }` means no
 * HTTP answer arrived (network failure or timeout); HTTP error statuses are answers.
 */
export async function postText(url: string, init: { headers: Record<string, string>; body: string }, options: OdooTransportOptions): Promise<PostResult> {
  try {
    const response = await options.fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(options.timeoutMs) });
    return { ok: true, response, text: await response.text() };
  } catch (error) {
    // fetch rejects with a TypeError when the connection fails and a DOMException when the
    // timeout aborts it; anything else is a bug and propagates.
    if (error instanceof TypeError || (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
      return { ok: false };
    }
    throw error;
  }
}
