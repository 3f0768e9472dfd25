import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { InvalidArgumentError, type Command } from 'commander';
import { packGangUp } from '@pressline/core/domain';
import { say } from '../lifecycle.ts';
import { parseGangupInput } from './gangup-input.ts';
import { gangupJson, gangupSummary } from './gangup-output.ts';

/** Exit status for an unreadable or invalid input file, apart from 1 (anything else that went wrong). */
const BAD_INPUT = 2;
/** Far above any real gang (50,000 copies at most, see MAX_GANG_COPIES); bounds what one file can make us allocate. */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** `pressline gangup --input <file> [--json] [--time-limit <seconds>]`: packs without a database. */
export function registerGangupCommand(program: Command): void {
  program
    .command('gangup')
    .description('gang items onto sheets, plates or a roll from a JSON file; prints the layout')
    .requiredOption('--input <file>', 'JSON: { sheet:{width,height} | roll:{width} | plate:{width,height}, gutter, bleed, items:[{id, width, height, quantity?, rotatable?}] }')
    .option('--json', 'print the layout as JSON')
    .option('--time-limit <seconds>', 'seconds to spend improving the layout', seconds, 1)
    .action(async (options: { input: string; json?: boolean; timeLimit: number }) => {
      let text: string;
      try {
        const { size } = await stat(options.input);
        if (size > MAX_INPUT_BYTES) refuse([`${options.input} is ${size} bytes, more than the ${MAX_INPUT_BYTES} an input may be`]);
        text = await readFile(options.input, 'utf8');
      } catch (error) {
        refuse([`cannot read ${options.input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
      }
      const parsed = parseGangupInput(text);
      if (!parsed.ok) refuse(parsed.problems);
      // The search also stops early once it reaches the lower bound, so most jobs return well before the limit.
      const deadline = performance.now() + options.timeLimit * 1000;
      const outcome = packGangUp(parsed.input, { shouldStop: () => performance.now() >= deadline });
      if (!outcome.ok) refuse(outcome.problems);
      await writeOut(options.json ? `${JSON.stringify(gangupJson(parsed.input, outcome))}\n` : gangupSummary(parsed.input, outcome).map((line) => `${line}\n`).join(''));
      const unplaced = outcome.unplaced.reduce((n, u) => n + u.copies, 0);
      if (unplaced > 0) say(`pressline gangup: ${unplaced} ${unplaced === 1 ? 'copy fits' : 'copies fit'} no ${parsed.input.target.kind}; listed under "unplaced"`);
    });
}

/** Resolves once the text is handed to the OS: main.ts exits right after, which would cut a piped write short. */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('must be a number of seconds ≥ 0');
  return parsed;
}

/** Bad input is the caller's to fix: every problem on stderr, exit status 2, no stack. */
function refuse(problems: string[]): never {
  for (const problem of problems) say(`pressline gangup: ${problem}`);
  // main.ts ends every command with exit 0 or 1; bad input gets its own status, so exit here.
  process.exit(BAD_INPUT);
}
