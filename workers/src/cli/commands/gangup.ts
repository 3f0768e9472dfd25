import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { packGangUp } from '@pressline/core/domain';
import { say } from '../lifecycle.ts';
import { readInputFile, refuse, seconds, writeOut } from './command-io.ts';
import { parseGangupInput } from './gangup-input.ts';
import { gangupJson, gangupSummary } from './gangup-output.ts';

/** `pressline gangup --input <file> [--json] [--time-limit <seconds>]`: packs without a database. */
export function registerGangupCommand(program: Command): void {
  program
    .command('gangup')
    .description('gang items onto sheets, plates or a roll from a JSON file; prints the layout')
    .requiredOption('--input <file>', 'JSON: { sheet:{width,height} | roll:{width} | plate:{width,height}, gutter, bleed, items:[{id, width, height, quantity?, rotatable?}] }')
    .option('--json', 'print the layout as JSON')
    .option('--time-limit <seconds>', 'seconds to spend improving the layout', seconds, 1)
    .action(async (options: { input: string; json?: boolean; timeLimit: number }) => {
      const text = await readInputFile(options.input);
      if (!text.ok) refuse('gangup', text.problems);
      const parsed = parseGangupInput(text.value);
      if (!parsed.ok) refuse('gangup', parsed.problems);
      // The search also stops early once it reaches the lower bound, so most jobs return well before the limit.
      const deadline = performance.now() + options.timeLimit * 1000;
      const outcome = packGangUp(parsed.input, { shouldStop: () => performance.now() >= deadline });
      if (!outcome.ok) refuse('gangup', outcome.problems);
      await writeOut(options.json ? `${JSON.stringify(gangupJson(parsed.input, outcome))}\n` : gangupSummary(parsed.input, outcome).map((line) => `${line}\n`).join(''));
      const unplaced = outcome.unplaced.reduce((n, u) => n + u.copies, 0);
      if (unplaced > 0) say(`pressline gangup: ${unplaced} ${unplaced === 1 ? 'copy fits' : 'copies fit'} no ${parsed.input.target.kind}; listed under "unplaced"`);
    });
}
