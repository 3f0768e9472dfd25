import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { preflightBytes } from '@pressline/core';
import { defaultRules, resolveRules, type PreflightReport, type PreflightRules } from '@pressline/core/domain';
import { BAD_INPUT, writeOut } from './command-io.ts';

/** Exit codes: 0 no errors, 1 errors found, 2 the file (or the profile) cannot be read. */
const EXIT = { clean: 0, errors: 1, unreadable: BAD_INPUT } as const;

export function registerPreflightCommand(program: Command): void {
  program
    .command('preflight')
    .description('check one design file (PDF, AI, SVG, STL, OBJ, 3MF, DXF, PNG, JPEG, TIFF) and print its report')
    .argument('<file>', 'the file to check')
    .option('--profile <json file>', 'production profile rules, e.g. {"process":"digital_press","trimMm":{"width":85,"height":55}}; default: general checks')
    .option('--json', 'print the report as JSON: { ok, kind, status, errors, warnings, infos, facts }')
    .action(async (file: string, options: { profile?: string; json?: boolean }) => {
      const code = await runPreflight(file, options);
      process.exit(code);
    });
}

async function runPreflight(file: string, options: { profile?: string; json?: boolean }): Promise<number> {
  const rules = options.profile ? await readProfile(options.profile) : { ok: true as const, rules: defaultRules.bench };
  if (!rules.ok) return fail(rules.message);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const report = await preflightBytes(bytes, { name: basename(file), rules: rules.rules });
  await writeOut(options.json ? `${JSON.stringify(jsonReport(report), null, 2)}\n` : textReport(basename(file), report));
  // A file the inspector could not read at all (no facts) is "cannot be read", not merely "has errors".
  if (!report.facts) return EXIT.unreadable;
  return report.ok ? EXIT.clean : EXIT.errors;
}

async function readProfile(path: string): Promise<{ ok: true; rules: PreflightRules } | { ok: false; message: string }> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { ok: false, message: `cannot read the profile ${path}: ${(error as Error).message}` };
  }
  const resolved = resolveRules(input);
  return resolved.ok ? resolved : { ok: false, message: `invalid profile ${path}: ${resolved.problems.join('; ')}` };
}

function jsonReport(report: PreflightReport) {
  return { ok: report.ok, kind: report.kind, status: report.status, errors: report.errors, warnings: report.warnings, infos: report.infos, facts: report.facts };
}

function textReport(name: string, report: PreflightReport): string {
  const lines = [`${name}: ${report.status}${report.kind ? ` (${report.kind})` : ''}`];
  for (const finding of [...report.errors, ...report.warnings, ...report.infos]) {
    lines.push(`  ${finding.severity.padEnd(7)} ${finding.code}: ${finding.message}`);
    if (finding.fix && finding.severity !== 'info') lines.push(`          fix: ${finding.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

async function fail(message: string): Promise<number> {
  await writeOut(`pressline preflight: ${message}\n`, process.stderr);
  return EXIT.unreadable;
}
