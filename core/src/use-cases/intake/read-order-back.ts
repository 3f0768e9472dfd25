import type { OrderConnector, ParseResult, StorefrontOrder } from '@pressline/connectors';
import type { CoreDeps } from '../../deps.ts';
import { freshShopConnection } from '../shops/fresh-connection.ts';

/**
 * For platforms whose delivery is only a notice (WooCommerce payloads may be stale and
 * are never resent; Odoo sends an id): the order as the platform holds it now. Runs
 * outside any transaction, so no row stays locked while the platform answers.
 * A passing fault (throttled, unavailable) throws, so the queue retries the delivery.
 */
export async function readOrderBack(
  deps: Pick<CoreDeps, 'db' | 'secrets' | 'platformApis' | 'clock' | 'shopifyAuth'>,
  input: { shopId: string; connector: OrderConnector; rawBody: string },
): Promise<ParseResult<StorefrontOrder>> {
  const reference = input.connector.parseOrderReference(input.rawBody);
  if (!reference.ok) return reference;
  const platform = input.connector.platform;
  const api = deps.platformApis[platform];
  if (!api) throw new Error(`no ${platform} API is configured in this worker`);
  const connection = await freshShopConnection(deps, input.shopId);
  if (!connection) return { ok: false, reason: 'malformed_payload', message: `the shop has no ${platform} connection on file` };

  const fetched = await api.fetchOrder(connection, reference.value.externalId);
  if (fetched.ok) return fetched;
  if (fetched.reason === 'throttled' || fetched.reason === 'unavailable') {
    throw new Error(`${platform} could not be read (${fetched.reason}): ${fetched.message}`);
  }
  // Keys rejected, order gone: retrying will not help; the failed delivery shows why.
  return { ok: false, reason: 'malformed_payload', message: `${platform} answered ${fetched.reason}: ${fetched.message}` };
}
