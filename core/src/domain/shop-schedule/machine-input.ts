import { z } from 'zod';
import { PROCESSES } from '../preflight/index.ts';
import type { SizeMm } from './build-problem.ts';
import { parseMachineCalendar, type MachineCalendar } from './machine-calendar.ts';

export interface MachineFields {
  name: string;
  processes: string[];
  materials: string[];
  capabilities: string[];
  maxSizeMm: SizeMm | null;
  timeFactor: number;
  calendar: MachineCalendar | null;
}

const label = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const mm = z.number().finite().positive('must be more than 0').max(100_000, 'must be at most 100000 mm');

const machineSchema = z.object({
  name: label,
  processes: z.array(z.enum(PROCESSES, { error: `must be one of ${PROCESSES.join(', ')}` })).min(1, 'needs at least one process').max(PROCESSES.length),
  materials: z.array(label).max(100).nullish(),
  capabilities: z.array(label).max(100).nullish(),
  maxSizeMm: z
    .union([z.strictObject({ width: mm, height: mm }), z.strictObject({ x: mm, y: mm, z: mm })], { error: 'must be { width, height } (a sheet) or { x, y, z } (a build volume) in mm' })
    .nullish(),
  timeFactor: z.number().finite().positive('must be more than 0').max(100, 'must be at most 100').nullish(),
  calendar: z.unknown().nullish(),
});

export type MachineFieldsCheck = { ok: true; fields: MachineFields } | { ok: false; problems: string[] };

/** Checks a machine from the API; every problem names its field (e.g. `processes.0: must be one of …`). */
export function parseMachineFields(value: unknown): MachineFieldsCheck {
  const parsed = machineSchema.safeParse(value);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  const rawCalendar = (value as { calendar?: unknown } | null)?.calendar;
  const calendar = rawCalendar === undefined || rawCalendar === null ? null : parseMachineCalendar(rawCalendar);
  if (calendar && !calendar.ok) problems.push(...calendar.problems);
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const data = parsed.data;
  return {
    ok: true,
    fields: {
      name: data.name,
      processes: [...new Set(data.processes)],
      materials: [...new Set(data.materials ?? [])],
      capabilities: [...new Set(data.capabilities ?? [])],
      maxSizeMm: data.maxSizeMm ?? null,
      timeFactor: data.timeFactor ?? 1,
      calendar: calendar?.ok ? calendar.calendar : null,
    },
  };
}
