import { readFile, stat } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { say } from '../lifecycle.ts';

/**
 * What the file-in, report-out commands (preflight, schedule, gangup) share: bounded
 * reading of the input, JSON checked by a schema with each problem naming its field, a
 * write that finishes before the process exits, and exit status 2 for bad input.
 */
export const BAD_INPUT = 2;

/** Far above any real input; bounds what one file can make us allocate. */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** JSON text checked against a schema; problems read `jobs[2].duration: …`. */
export function parseJsonWith<S extends z.ZodType>(text: string, schema: S): Checked<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${fieldOf(issue.path) || 'input'}: ${issue.message}`) };
  return { ok: true, value: parsed.data };
}

/** `items[2].width` from zod's path. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** The input file as text, or the reason it cannot be read (missing, too large). */
export async function readInputFile(path: string): Promise<Checked<string>> {
  try {
    const { size } = await stat(path);
    if (size > MAX_INPUT_BYTES) return { ok: false, problems: [`${path} is ${size} bytes, more than the ${MAX_INPUT_BYTES} an input may be`] };
    return { ok: true, value: await readFile(path, 'utf8') };
  } catch (error) {
    return { ok: false, problems: [`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`] };
  }
}

/** Resolves once the text is handed to the OS: main.ts exits right after, which would cut a piped write short. */
export function writeOut(text: string, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

/** Bad input is the caller's to fix: every problem on stderr, exit status 2, no stack. */
export function refuse(command: string, problems: string[]): never {
  for (const problem of problems) say(`pressline ${command}: ${problem}`);
  // main.ts ends every command with exit 0 or 1; bad input gets its own status, so exit here.
  process.exit(BAD_INPUT);
}

/** A commander option parser for a number of seconds ≥ 0. */
export function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('must be a number of seconds ≥ 0');
  return parsed;
}
