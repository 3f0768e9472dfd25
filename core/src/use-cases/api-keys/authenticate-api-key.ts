import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { UnauthenticatedError } from '../../errors.ts';
import { hashApiKey, shopIdOfApiKey } from './api-key-format.ts';

export interface ApiPrincipal {
  shopId: string;
  actor: string;
}

/** Resolves an API key to the one shop it belongs to, or throws UNAUTHENTICATED. */
export async function authenticateApiKey(deps: Pick<CoreDeps, 'db'>, key: string): Promise<ApiPrincipal> {
  const shopId = shopIdOfApiKey(key.trim());
  if (!shopId) throw new UnauthenticatedError('Invalid API key');
  const hash = hashApiKey(key.trim());
  const rows = await withShop(deps.db, shopId, (tx) =>
    tx
      .select({ id: schema.apiKeys.id, name: schema.apiKeys.name })
      .from(schema.apiKeys)
      .where(and(eq(schema.apiKeys.hash, hash), isNull(schema.apiKeys.revokedAt)))
      .limit(1),
  );
  const row = rows[0];
  if (!row) throw new UnauthenticatedError('Invalid API key');
  return { shopId, actor: `api-key:${row.name}` };
}
