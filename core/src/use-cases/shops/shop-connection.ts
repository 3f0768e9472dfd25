import { eq } from 'drizzle-orm';
import { shopConnectionSchema, type ShopConnection } from '@pressline/connectors';
import { schema, type Tx } from '@pressline/db';
import type { SecretBox } from '../../security/secret-box.ts';

/** The connection's fields that are secrets; everything else is stored as plain settings. */
const SECRET_FIELDS = ['accessToken', 'refreshToken', 'consumerKey', 'consumerSecret', 'webhookSecret', 'apiKey'] as const;

export async function saveShopConnection(tx: Tx, secrets: SecretBox, input: { shopId: string; connection: ShopConnection; expiresAt?: Date | null; at: Date }): Promise<void> {
  const settings: Record<string, string | number> = {};
  const sealed: Record<string, string> = {};
  for (const [field, value] of Object.entries(input.connection)) {
    if ((SECRET_FIELDS as readonly string[]).includes(field)) sealed[field] = String(value);
    else settings[field] = value as string | number;
  }
  const row = { shopId: input.shopId, platform: input.connection.platform, settings, sealedSecrets: secrets.seal(JSON.stringify(sealed)), expiresAt: input.expiresAt ?? null, updatedAt: input.at };
  await tx.insert(schema.shopCredentials).values(row).onConflictDoUpdate({ target: schema.shopCredentials.shopId, set: row });
}

/** The shop's connection with its secrets opened, and when its token expires; null when none was saved yet. */
export async function loadShopCredentials(tx: Tx, secrets: SecretBox, shopId: string): Promise<{ connection: ShopConnection; expiresAt: Date | null } | null> {
  const [row] = await tx.select().from(schema.shopCredentials).where(eq(schema.shopCredentials.shopId, shopId));
  if (!row) return null;
  const opened: unknown = JSON.parse(secrets.open(row.sealedSecrets));
  return { connection: shopConnectionSchema.parse({ ...row.settings, ...(opened as object) }), expiresAt: row.expiresAt };
}

export async function loadShopConnection(tx: Tx, secrets: SecretBox, shopId: string): Promise<ShopConnection | null> {
  return (await loadShopCredentials(tx, secrets, shopId))?.connection ?? null;
}
