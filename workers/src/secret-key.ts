import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The key that seals shops' platform secrets: PRESSLINE_SECRET_KEY (32 bytes, base64)
 * when set — every process of one installation must share it — else a key generated
 * once and kept in PRESSLINE_HOME, which suits a single machine.
 */
export async function loadSecretKey(home: string, configured: string | undefined): Promise<{ key: Buffer; source: 'environment' | 'home' }> {
  if (configured) {
    const key = Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new Error('PRESSLINE_SECRET_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
    return { key, source: 'environment' };
  }
  const file = join(home, 'secret.key');
  if (existsSync(file)) return { key: Buffer.from((await readFile(file, 'utf8')).trim(), 'base64'), source: 'home' };
  await mkdir(home, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { key, source: 'home' };
}
