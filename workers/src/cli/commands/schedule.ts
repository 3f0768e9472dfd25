import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { InvalidArgumentError, type Command } from 'commander';
import { solveSchedule } from '@pressline/core/domain';
import { say } from '../lifecycle.ts';
import { parseScheduleInput, scheduleInputHelp } from './schedule-input.ts';
import { scheduleJson, scheduleSummary } from './schedule-output.ts';

/** Exit status for an unreadable or invalid input file, apart from 1 (anything else that went wrong). */
const BAD_INPUT = 2;

/** `pressline schedule --input <file> [--json] [--time-limit <seconds>] [--seed <n>]`: plans without a database. */
export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule')
    .description('plan jobs onto machines from a JSON file (times in minutes from now = 0); prints the schedule')
    .requiredOption('--input <file>', 'JSON file: machines, jobs, setupMatrix (see below)')
    .option('--json', 'print { assignments, unscheduled, metrics } as JSON')
    .option('--time-limit <seconds>', 'seconds to spend improving the plan (default: a fixed number of steps)', seconds)
    .option('--seed <n>', 'seed of the solver (same input and seed, same plan)', integer)
    .addHelpText('after', `\n${scheduleInputHelp}`)
    .action(async (options: { input: string; json?: boolean; timeLimit?: number; seed?: number }) => {
      let text: string;
      try {
        text = await readFile(options.input, 'utf8');
      } catch (error) {
        refuse([`cannot read ${options.input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
      }
      const parsed = parseScheduleInput(text);
      if (!parsed.ok) refuse(parsed.problems);
      const deadline = options.timeLimit === undefined ? undefined : performance.now() + options.timeLimit * 1000;
      const schedule = solveSchedule(parsed.problem, {
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(deadline === undefined ? {} : { shouldStop: () => performance.now() >= deadline }),
      });
      await writeOut(options.json ? `${JSON.stringify(scheduleJson(schedule))}\n` : scheduleSummary(schedule).map((line) => `${line}\n`).join(''));
      if (schedule.unscheduled.length > 0) say(`pressline schedule: ${schedule.unscheduled.length} job${schedule.unscheduled.length === 1 ? '' : 's'} could not be placed; listed under "unscheduled" with the reason`);
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

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('must be an integer');
  return parsed;
}

/** Bad input is the caller's to fix: every problem on stderr, exit status 2, no stack. */
function refuse(problems: string[]): never {
  for (const problem of problems) say(`pressline schedule: ${problem}`);
  // main.ts ends every command with exit 0 or 1; bad input gets its own status, so exit here.
  process.exit(BAD_INPUT);
}
