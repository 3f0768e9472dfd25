import { createHash, randomBytes } from 'node:crypto';

/**
 * An API key names its shop in clear (`plk_<shop id hex>_<secret>`), so authentication
 * runs inside that shop's tenant context and can only ever find that shop's key.
 */
const KEY_PATTERN = /^plk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function mintApiKey(shopId: string): { key: string; hash: string; hint: string } {
  const secret = randomBytes(32).toString('base64url');
  const key = `plk_${shopId.replaceAll('-', '')}_${secret}`;
  return { key, hash: hashApiKey(key), hint: `${key.slice(0, 12)}…${secret.slice(-4)}` };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The shop id a well-formed key claims, or null for anything else. */
export function shopIdOfApiKey(key: string): string | null {
  const hex = KEY_PATTERN.exec(key)?.[1];
  if (!hex) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
