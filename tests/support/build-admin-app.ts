import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ADMIN = fileURLToPath(new URL('../../admin-app', import.meta.url));
const BUILT = join(ADMIN, 'dist', 'index.html');

function newestChange(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * Browser tests drive the built admin app: build it (Vite, about a second) when dist is
 * missing or older than any source file, so `pnpm test` on a fresh clone needs no extra step.
 */
export default function setup() {
  const built = statSync(BUILT, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['src', 'index.html', 'vite.config.ts', 'package.json'].map((name) => newestChange(join(ADMIN, name))));
  if (built > sources) return;
  const vite = join(ADMIN, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ADMIN, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`building the admin app failed (exit ${result.status})`);
}
