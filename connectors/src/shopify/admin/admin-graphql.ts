import { Session } from '@shopify/shopify-api';
import type { z } from 'zod';
import type { ConnectorResult, ShopConnection } from '../../contract.ts';
import type { ShopifyClient } from '../shopify-client.ts';
import type { ShopRateLimiter } from './shop-rate-limiter.ts';
import { readQueryCost, translateShopifyError } from './translate-error.ts';

/** One GraphQL document and the shape of the `data` it returns. */
export interface AdminOperation<T> {
  /** The operation's name, used in messages and to remember its cost. */
  name: string;
  document: string;
  data: z.ZodType<T>;
}

/** Runs Admin API operations for a shop and returns their data or a ConnectorFailure. */
export type AdminGraphql = <T>(
  connection: ShopConnection,
  operation: AdminOperation<T>,
  variables?: Record<string, unknown>,
) => Promise<ConnectorResult<T>>;

export function createAdminGraphql(shopify: ShopifyClient, limiter: ShopRateLimiter): AdminGraphql {
  return async (connection, operation, variables) => {
    if (connection.platform !== 'shopify') {
      return { ok: false, reason: 'rejected', message: `${operation.name}: a ${connection.platform} connection was given to the Shopify API` };
    }
    const shop = shopify.utils.sanitizeShop(connection.shopDomain);
    if (!shop) {
      return { ok: false, reason: 'unauthorized', message: `${operation.name}: "${connection.shopDomain}" is not a Shopify shop domain` };
    }
    // An offline session is all the SDK's client needs: the shop and its token.
    const session = new Session({ id: `offline_${shop}`, shop, state: '', isOnline: false, accessToken: connection.accessToken });
    const client = new shopify.clients.Graphql({ session });

    return limiter.run(shop, operation.name, async () => {
      let response: Awaited<ReturnType<typeof client.request>>;
      try {
        response = await client.request(operation.document, variables ? { variables } : {});
      } catch (error) {
        const { failure, cost } = translateShopifyError(operation.name, error);
        return { result: failure, cost };
      }
      const cost = readQueryCost(response.extensions);
      const data = operation.data.safeParse(response.data);
      if (!data.success) {
        const issue = data.error.issues[0];
        const where = issue ? `${issue.path.join('.') || 'data'}: ${issue.message}` : 'data';
        return { result: { ok: false, reason: 'unavailable', message: `${operation.name}: unexpected response from Shopify (${where})` }, cost };
      }
      return { result: { ok: true, value: data.data }, cost };
    });
  };
}
