import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ShopConnection } from '@pressline/connectors';
import { resolveShopId, schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { saveShopConnection } from './shop-connection.ts';

/**
 * A platform's install or connect flow has granted access: the shop becomes a tenant,
 * or — if it was here before (uninstalled, or reconnecting) — is reinstated with its
 * history, and its connection is kept, sealed.
 */
export async function connectShop(
  deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock'>,
  input: { domain: string; connection: ShopConnection; expiresAt?: Date | null },
): Promise<{ shopId: string; created: boolean }> {
  const platform = input.connection.platform;
  const existing = await resolveShopId(deps.db, platform, input.domain);
  const shopId = existing ?? randomUUID();
  const at = deps.clock();
  await withShop(deps.db, shopId, async (tx) => {
    if (existing) await tx.update(schema.shops).set({ uninstalledAt: null, updatedAt: at }).where(eq(schema.shops.id, shopId));
    else await tx.insert(schema.shops).values({ id: shopId, platform, domain: input.domain, name: input.domain });
    await saveShopConnection(tx, deps.secrets, { shopId, connection: input.connection, expiresAt: input.expiresAt ?? null, at });
  });
  return { shopId, created: !existing };
}
