import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileStore } from './file-store.ts';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A folder of blobs named by hash (`ab/cd/abcd…`). Writes go to a temporary name and are
 * renamed into place, so a crash never leaves a half-written blob under a real hash.
 */
export function createLocalFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const path = pathOf(sha256);
      const exists = await stat(path).then((s) => s.size === bytes.length, () => false);
      if (!exists) {
        await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(temporary, bytes);
        await rename(temporary, path);
      }
      return { sha256, sizeBytes: bytes.length };
    },
    async get(sha256) {
      if (!SHA256.test(sha256)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
