import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { mintApiKey } from './api-key-format.ts';

/** Creates a key for one shop; the returned key is the only time it is ever visible. */
export async function createApiKey(
  deps: Pick<CoreDeps, 'db'>,
  input: { shopId: string; name: string },
): Promise<{ id: string; key: string; hint: string }> {
  const minted = mintApiKey(input.shopId);
  const [row] = await withShop(deps.db, input.shopId, (tx) =>
    tx
      .insert(schema.apiKeys)
      .values({ shopId: input.shopId, name: input.name, hint: minted.hint, hash: minted.hash })
      .returning({ id: schema.apiKeys.id }),
  );
  if (!row) throw new Error('api key insert returned no row');
  return { id: row.id, key: minted.key, hint: minted.hint };
}
