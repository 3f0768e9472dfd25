import { z } from 'zod';
import type { SchedulingProblem } from '@pressline/core/domain';
import { parseJsonWith } from './command-io.ts';

const minutes = z.number().finite();
const interval = z
  .tuple([minutes, minutes])
  .refine(([start, end]) => start < end, { message: 'a window is [start, end] with start < end' });

const calendar = z
  .object({
    windows: z.array(interval),
    repeatEvery: z.number().finite().positive().optional(),
    closed: z.array(interval).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.repeatEvery === undefined) return;
    value.windows.forEach(([start, end], i) => {
      if (start < 0 || end > value.repeatEvery!) ctx.addIssue({ code: 'custom', path: ['windows', i], message: `must lie within [0, repeatEvery] when repeatEvery is set` });
    });
  });

const schema = z
  .object({
    now: minutes.default(0),
    machines: z
      .array(
        z
          .object({
            id: z.string().min(1),
            capabilities: z.array(z.string()),
            calendar: calendar.optional(),
            state: z.enum(['up', 'down']).optional(),
            lockedSequence: z.array(z.string()).optional(),
            manualOrder: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .superRefine((machines, ctx) => {
        const seen = new Set<string>();
        machines.forEach((machine, i) => {
          if (seen.has(machine.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate machine id "${machine.id}"` });
          seen.add(machine.id);
        });
      }),
    jobs: z.array(
      z
        .object({
          id: z.string().min(1),
          duration: z.number().finite().nonnegative(),
          requires: z.array(z.string()).default([]),
          due: minutes.optional(),
          weight: z.number().finite().nonnegative().default(1),
          setupFamily: z.string().optional(),
          release: minutes.optional(),
          pinnedTo: z.string().optional(),
          splittable: z.boolean().optional(),
        })
        .strict(),
    ),
    running: z.array(z.object({ jobId: z.string(), machineId: z.string(), start: minutes, expectedEnd: minutes.optional() }).strict()).optional(),
    setupMatrix: z.record(z.string(), z.record(z.string(), z.number().finite().nonnegative())).optional(),
  })
  .strict();

export type ScheduleInputResult = { ok: true; problem: SchedulingProblem } | { ok: false; problems: string[] };

/** Field names a user sees in `pressline schedule --help`. */
export const scheduleInputHelp = `Input (JSON; every time is minutes from now = 0):
  { now?: 0,
    machines: [{ id, capabilities: [..], calendar?, state?: "up"|"down",
                 lockedSequence?: [jobId..], manualOrder?: [jobId..] }],
    jobs: [{ id, duration, requires?: [..], due?, weight?: 1, setupFamily?,
             release?, pinnedTo?, splittable?: true }],
    running?: [{ jobId, machineId, start, expectedEnd? }],
    setupMatrix?: { fromFamily: { toFamily: minutes } } }
Calendar: { windows: [[start, end], ..], repeatEvery?: minutes, closed?: [[start, end], ..] }
  Working windows [start, end). With repeatEvery they lie in [0, repeatEvery) and repeat
  (e.g. { windows: [[0, 480]], repeatEvery: 1440 }: an 8-hour shift every day from now);
  closed carves out days off. No calendar: always working. A job longer than what is left
  of a window continues in the next one unless splittable is false; such a job's
  assignment lists its working "segments", and end - start then includes the break.
Setups happen in working time before a job's start, between jobs of different families
on one machine, never before a machine's first job.`;

/** Parses and checks the `pressline schedule` input file; each problem names its field, e.g. `jobs[2].duration: …`. */
export function parseScheduleInput(text: string): ScheduleInputResult {
  const parsed = parseJsonWith(text, schema);
  return parsed.ok ? { ok: true, problem: parsed.value } : parsed;
}
