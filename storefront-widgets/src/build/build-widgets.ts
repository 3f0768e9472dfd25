import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SOURCE_DIR = fileURLToPath(new URL('../', import.meta.url));
export const WIDGETS_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const WIDGETS_BUNDLE = join(WIDGETS_DIST, 'pressline.js');

/** One minified ES2020 bundle with every element; served by the API at /widgets/pressline.js. */
export async function buildWidgets(): Promise<string> {
  await build({
    entryPoints: [join(SOURCE_DIR, 'index.ts')],
    outfile: WIDGETS_BUNDLE,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return WIDGETS_BUNDLE;
}

/** True when the bundle is missing or older than any source file. */
export function widgetsStale(): boolean {
  let built: number;
  try {
    built = statSync(WIDGETS_BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  return readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .some((name) => statSync(join(SOURCE_DIR, name)).mtimeMs > built);
}

/** Builds only when needed: the test setup and the demo call this. */
export async function ensureWidgets(): Promise<string> {
  if (widgetsStale()) await buildWidgets();
  return WIDGETS_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWidgets();
  console.log(`built ${WIDGETS_BUNDLE}`);
}
