import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../scheduling/index.ts';
import { calendarFromJson, parseMachineCalendar, type MachineCalendar } from './machine-calendar.ts';
import { AXIS_EPOCH_MS, toAxisMinutes } from './time-axis.ts';

const WEEK = 10_080;

function isWorking(calendar: WorkingCalendar, t: number): boolean {
  const local = calendar.repeatEvery ? ((t % calendar.repeatEvery) + calendar.repeatEvery) % calendar.repeatEvery : t;
  const open = calendar.windows.some(([s, e]) => local >= s && local < e);
  return open && !(calendar.closed ?? []).some(([s, e]) => t >= s && t < e);
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('machine calendars on the schedule\'s time axis', () => {
  it('puts the axis zero on a Monday midnight UTC', () => {
    expect(new Date(AXIS_EPOCH_MS).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(new Date(AXIS_EPOCH_MS).getUTCDay()).toBe(1);
    expect(toAxisMinutes(Date.parse('2024-01-08T08:30:00Z'))).toBe(WEEK + 510);
  });

  it('works exactly in the local shift hours, whatever the offset and shift', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -720, max: 840 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1439 }),
        fc.integer({ min: -3 * WEEK, max: 3 * WEEK }),
        (offset, days, from, length, t) => {
          const to = (from + length) % 1440;
          const calendar = calendarFromJson({ utcOffsetMinutes: offset, shifts: [{ days, from: hhmm(from), to: hhmm(to) }] });
          // Local wall-clock minute of week of axis minute t.
          const local = (((t + offset) % WEEK) + WEEK) % WEEK;
          const day = Math.floor(local / 1440);
          const minute = local % 1440;
          const inToday = days.includes(day) && minute >= from && minute < from + length;
          const fromYesterday = days.includes((day + 6) % 7) && from + length > 1440 && minute < from + length - 1440;
          expect(isWorking(calendar, t)).toBe(inToday || fromYesterday);
        },
      ),
    );
  });

  it('runs a night shift past midnight and closes the given periods', () => {
    const calendar = calendarFromJson({
      shifts: [{ days: [0, 1, 2, 3, 4], from: '22:00', to: '06:00' }],
      closed: [{ from: '2024-01-02T22:00:00Z', to: '2024-01-03T06:00:00Z', reason: 'maintenance' }],
    });
    const at = (iso: string) => toAxisMinutes(Date.parse(iso));
    expect(isWorking(calendar, at('2024-01-01T23:00:00Z'))).toBe(true);
    expect(isWorking(calendar, at('2024-01-02T05:59:00Z'))).toBe(true);
    expect(isWorking(calendar, at('2024-01-02T06:00:00Z'))).toBe(false);
    expect(isWorking(calendar, at('2024-01-02T23:00:00Z'))).toBe(false);
    // Friday's night shift ends on Saturday morning; none starts on Saturday.
    expect(isWorking(calendar, at('2024-01-06T05:00:00Z'))).toBe(true);
    expect(isWorking(calendar, at('2024-01-06T23:00:00Z'))).toBe(false);
  });

  it('names every field of a bad calendar', () => {
    const checked = parseMachineCalendar({ utcOffsetMinutes: 5000, shifts: [{ days: [7], from: '25:00', to: '8' }], closed: [{ from: 'soon', to: '2024-01-01T00:00:00Z' }] });
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems.join('\n');
    for (const field of ['calendar.utcOffsetMinutes', 'calendar.shifts.0.days.0', 'calendar.shifts.0.from', 'calendar.shifts.0.to', 'calendar.closed.0.from']) expect(problems).toContain(field);
    expect(parseMachineCalendar({ shifts: [] })).toMatchObject({ ok: false, problems: [expect.stringContaining('calendar.shifts')] });
    expect(parseMachineCalendar({ shifts: [{ days: [0], from: '08:00', to: '16:00' }], closed: [{ from: '2024-01-02T00:00:00Z', to: '2024-01-01T00:00:00Z' }] })).toEqual({
      ok: false,
      problems: ['calendar.closed.0.to: must be after from'],
    });
    const good: MachineCalendar = { utcOffsetMinutes: 60, shifts: [{ days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' }] };
    expect(parseMachineCalendar(good)).toEqual({ ok: true, calendar: good });
  });
});
