import { performance } from 'node:perf_hooks';
import { InvalidArgumentError, type Command } from 'commander';
import { solveSchedule } from '@pressline/core/domain';
import { say } from '../lifecycle.ts';
import { readInputFile, refuse, seconds, writeOut } from './command-io.ts';
import { parseScheduleInput, scheduleInputHelp } from './schedule-input.ts';
import { scheduleJson, scheduleSummary } from './schedule-output.ts';

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
      const text = await readInputFile(options.input);
      if (!text.ok) refuse('schedule', text.problems);
      const parsed = parseScheduleInput(text.value);
      if (!parsed.ok) refuse('schedule', parsed.problems);
      const deadline = options.timeLimit === undefined ? undefined : performance.now() + options.timeLimit * 1000;
      const schedule = solveSchedule(parsed.problem, {
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(deadline === undefined ? {} : { shouldStop: () => performance.now() >= deadline }),
      });
      await writeOut(options.json ? `${JSON.stringify(scheduleJson(schedule))}\n` : scheduleSummary(schedule).map((line) => `${line}\n`).join(''));
      if (schedule.unscheduled.length > 0) say(`pressline schedule: ${schedule.unscheduled.length} job${schedule.unscheduled.length === 1 ? '' : 's'} could not be placed; listed under "unscheduled" with the reason`);
    });
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('must be an integer');
  return parsed;
}
