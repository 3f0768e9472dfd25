import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('the import directions of DESIGN.md are enforced by lint', () => {
  it('keeps core/src/domain free of I/O, clocks, the environment and the rest of core', async () => {
    const file = 'core/src/domain/probe.ts';
    expect(await ruleIdsFor(file, "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIdsFor(file, "import postgres from 'postgres';\nexport const f = postgres;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIdsFor(file, "import { createServer } from '../api/server.ts';\nexport const f = createServer;\n")).toContain('pressline/stay-inside');
    expect(await ruleIdsFor('core/src/domain/workflow/probe.ts', "import { asJobId } from '../ids.ts';\nexport const f = asJobId;\n")).toEqual([]);
    expect(await ruleIdsFor(file, 'export const now = () => Date.now();\n')).toContain('no-restricted-syntax');
    expect(await ruleIdsFor(file, 'export const now = () => new Date();\n')).toContain('no-restricted-syntax');
    expect(await ruleIdsFor(file, "export const env = () => process.env['X'];\n")).toContain('no-restricted-globals');
  });

  it('lets the domain use pure helpers, type-only imports and explicit dates', async () => {
    const file = 'core/src/domain/probe.ts';
    const code = "import { z } from 'zod';\nimport type { StorefrontOrder } from '@pressline/connectors';\nexport const s = z.string();\nexport type O = StorefrontOrder;\nexport const d = (ms: number) => new Date(ms);\n";
    expect(await ruleIdsFor(file, code)).toEqual([]);
  });

  it('stops a package importing one above it', async () => {
    expect(await ruleIdsFor('db/src/probe.ts', "import { createServer } from '@pressline/core';\nexport const f = createServer;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIdsFor('connectors/src/probe.ts', "import { withShop } from '@pressline/db';\nexport const f = withShop;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIdsFor('core/src/probe.ts', "import { startHttp } from '@pressline/workers';\nexport const f = startHttp;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIdsFor('core/src/probe.ts', "import { withShop } from '@pressline/db';\nexport const f = withShop;\n")).toEqual([]);
  });

  it('reads process.env only in env.ts', async () => {
    expect(await ruleIdsFor('workers/src/probe.ts', "export const port = process.env['PORT'];\n")).toContain('no-restricted-properties');
    expect(await ruleIdsFor('workers/src/env.ts', "export const port = process.env['PORT'];\n")).toEqual([]);
  });
});
