import { z } from 'zod';
import { weeklyWindows, type WorkingCalendar } from '../scheduling/index.ts';
import { toAxisMinutes } from './time-axis.ts';

/** Weekly shifts in the shop's local time (a fixed UTC offset, no daylight saving) and closed periods. */
export interface MachineCalendar {
  utcOffsetMinutes?: number;
  /** days: 0 = Monday … 6 = Sunday; from/to "HH:MM" (to may pass midnight: 22:00–06:00). */
  shifts: { days: number[]; from: string; to: string }[];
  /** ISO 8601 instants, [from, to): holidays, planned maintenance. */
  closed?: { from: string; to: string; reason?: string }[];
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const instant = z.string().refine((value) => Number.isFinite(Date.parse(value)), 'must be an ISO 8601 date-time');

const calendarSchema = z.strictObject({
  utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  shifts: z
    .array(
      z.strictObject({
        days: z.array(z.number().int().min(0, 'must be 0 (Monday) to 6 (Sunday)').max(6, 'must be 0 (Monday) to 6 (Sunday)')).min(1).max(7),
        from: z.string().regex(HH_MM, 'must be HH:MM'),
        to: z.string().regex(HH_MM, 'must be HH:MM'),
      }),
    )
    .min(1, 'needs at least one shift (leave the calendar out for a machine that always works)')
    .max(50),
  closed: z
    .array(z.strictObject({ from: instant, to: instant, reason: z.string().max(200).optional() }))
    .max(500)
    .optional(),
});

export type CalendarCheck = { ok: true; calendar: MachineCalendar } | { ok: false; problems: string[] };

/** Checks a calendar from the API; each problem names its field (calendar.shifts.0.from: …). */
export function parseMachineCalendar(value: unknown): CalendarCheck {
  const parsed = calendarSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${['calendar', ...issue.path].join('.')}: ${issue.message}`) };
  const problems = (parsed.data.closed ?? []).flatMap((period, i) =>
    Date.parse(period.to) > Date.parse(period.from) ? [] : [`calendar.closed.${i}.to: must be after from`],
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, calendar: parsed.data };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * The scheduler's calendar on the axis of `time-axis.ts`. Local Monday 00:00 at UTC
 * offset +60 is Sunday 23:00 UTC, i.e. axis minute −60: the week starts at −offset.
 * A shift whose end is not after its start runs past midnight.
 */
export function calendarFromJson(calendar: MachineCalendar): WorkingCalendar {
  const shifts = calendar.shifts.map((shift) => {
    const from = minutesOf(shift.from);
    const to = minutesOf(shift.to);
    return { days: shift.days, from, to: to > from ? to : to + 1440 };
  });
  const weekly = weeklyWindows({ weekStart: -(calendar.utcOffsetMinutes ?? 0), shifts });
  const closed = (calendar.closed ?? []).map((period): [number, number] => [toAxisMinutes(Date.parse(period.from)), toAxisMinutes(Date.parse(period.to))]);
  return closed.length > 0 ? { ...weekly, closed } : weekly;
}
