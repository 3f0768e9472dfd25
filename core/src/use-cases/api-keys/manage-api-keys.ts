import { and, desc, eq, isNull } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';

export type ApiKeyRow = Omit<typeof schema.apiKeys.$inferSelect, 'hash'>;

const columns = {
  id: schema.apiKeys.id,
  shopId: schema.apiKeys.shopId,
  name: schema.apiKeys.name,
  hint: schema.apiKeys.hint,
  createdAt: schema.apiKeys.createdAt,
  lastUsedAt: schema.apiKeys.lastUsedAt,
  revokedAt: schema.apiKeys.revokedAt,
};

/** The shop's keys, newest first; never the secret or its hash, only the hint. */
export function listApiKeys(tx: Tx, shopId: string): Promise<ApiKeyRow[]> {
  return tx.select(columns).from(schema.apiKeys).where(eq(schema.apiKeys.shopId, shopId)).orderBy(desc(schema.apiKeys.createdAt));
}

/** A key's name as a merchant gives it: trimmed, 1–100 characters. */
export function apiKeyName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new BadRequestError('name: must be 1 to 100 characters');
  return trimmed;
}

/** Revokes a key at once: the next request made with it is refused (401). Kept for the record. */
export async function revokeApiKey(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { shopId: string; id: string }): Promise<ApiKeyRow> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const where = and(eq(schema.apiKeys.shopId, input.shopId), eq(schema.apiKeys.id, input.id));
    await tx.update(schema.apiKeys).set({ revokedAt: deps.clock() }).where(and(where, isNull(schema.apiKeys.revokedAt)));
    const [row] = await tx.select(columns).from(schema.apiKeys).where(where);
    if (!row) throw new NotFoundError('API key');
    return row;
  });
}
