/**
 * A machine's working-hours calendar as the form edits it, and the calendar JSON of the API
 * ({ utcOffsetMinutes, shifts: [{ days: 0 = Monday …, from, to }], closed: [{ from, to, reason }] };
 * null: always working). Closed periods are typed in the calendar's own local time.
 */
export interface CalendarJson {
  utcOffsetMinutes?: number;
  shifts: { days: number[]; from: string; to: string }[];
  closed?: { from: string; to: string; reason?: string }[];
}

export interface ShiftDraft {
  days: number[];
  from: string;
  to: string;
  /** A night shift: it ends the next day, so "to" is at or before "from". */
  overnight: boolean;
}

export interface ClosedDraft {
  /** "YYYY-MM-DDTHH:MM" in the calendar's UTC offset. */
  from: string;
  to: string;
  reason: string;
}

export interface CalendarDraft {
  alwaysWorking: boolean;
  utcOffsetMinutes: number;
  shifts: ShiftDraft[];
  closed: ClosedDraft[];
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The offsets in use around the world, for the time zone select. */
const WORLD_OFFSETS = [-720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 840];

export const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/** Select options "UTC+01:00", including an unusual offset a calendar already has. */
export function offsetOptions(current: number): { label: string; value: string }[] {
  const offsets = WORLD_OFFSETS.includes(current) ? WORLD_OFFSETS : [...WORLD_OFFSETS, current].sort((a, b) => a - b);
  return offsets.map((minutes) => ({ label: `UTC${formatOffset(minutes)}`, value: String(minutes) }));
}

export const newShift = (): ShiftDraft => ({ days: [], from: '', to: '', overnight: false });
export const newClosed = (): ClosedDraft => ({ from: '', to: '', reason: '' });

/** A new machine always works; unticking that starts from an office week. */
export function defaultCalendarDraft(utcOffsetMinutes: number): CalendarDraft {
  return { alwaysWorking: true, utcOffsetMinutes, shifts: [{ days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00', overnight: false }], closed: [] };
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An ISO instant shown in the calendar's local time, "YYYY-MM-DDTHH:MM". */
export function isoToLocal(iso: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 16) : iso;
}

/** A local "YYYY-MM-DDTHH:MM" as an ISO 8601 date-time with the calendar's offset. */
export function localToIso(local: string, utcOffsetMinutes: number): string {
  const seconds = local.length === 16 ? ':00' : '';
  return `${local}${seconds}${formatOffset(utcOffsetMinutes)}`;
}

export function calendarDraftFrom(calendar: CalendarJson | null, fallbackOffset: number): CalendarDraft {
  if (!calendar) return defaultCalendarDraft(fallbackOffset);
  const offset = calendar.utcOffsetMinutes ?? 0;
  return {
    alwaysWorking: false,
    utcOffsetMinutes: offset,
    shifts: calendar.shifts.map((shift) => ({ days: [...shift.days].sort((a, b) => a - b), from: shift.from, to: shift.to, overnight: shift.to <= shift.from })),
    closed: (calendar.closed ?? []).map((period) => ({ from: isoToLocal(period.from, offset), to: isoToLocal(period.to, offset), reason: period.reason ?? '' })),
  };
}

export type CalendarCheck = { ok: true; calendar: CalendarJson | null } | { ok: false; errors: Record<string, string> };

/** The draft as calendar JSON, or the obvious mistakes keyed by the API's field paths (calendar.shifts.0.to). */
export function calendarFromDraft(draft: CalendarDraft): CalendarCheck {
  if (draft.alwaysWorking) return { ok: true, calendar: null };
  const errors: Record<string, string> = {};
  if (draft.shifts.length === 0) errors['calendar.shifts'] = 'Add at least one shift, or tick "Always working"';
  draft.shifts.forEach((shift, i) => {
    const at = `calendar.shifts.${i}`;
    if (shift.days.length === 0) errors[`${at}.days`] = 'Tick at least one day';
    if (!HH_MM.test(shift.from)) errors[`${at}.from`] = 'Enter a time (HH:MM)';
    if (!HH_MM.test(shift.to)) errors[`${at}.to`] = 'Enter a time (HH:MM)';
    else if (HH_MM.test(shift.from)) {
      if (!shift.overnight && shift.to <= shift.from) errors[`${at}.to`] = 'Must be after From (tick "Ends the next day" for a night shift)';
      if (shift.overnight && shift.to > shift.from) errors[`${at}.to`] = 'A shift that ends the next day must end at or before From';
    }
  });
  draft.closed.forEach((period, i) => {
    const at = `calendar.closed.${i}`;
    if (!LOCAL.test(period.from)) errors[`${at}.from`] = 'Enter a date and time';
    if (!LOCAL.test(period.to)) errors[`${at}.to`] = 'Enter a date and time';
    else if (LOCAL.test(period.from) && period.to <= period.from) errors[`${at}.to`] = 'Must be after From';
    if (period.reason.trim().length > 200) errors[`${at}.reason`] = 'At most 200 characters';
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const offset = draft.utcOffsetMinutes;
  return {
    ok: true,
    calendar: {
      utcOffsetMinutes: offset,
      shifts: draft.shifts.map((shift) => ({ days: [...new Set(shift.days)].sort((a, b) => a - b), from: shift.from, to: shift.to })),
      closed: draft.closed.map((period) => ({
        from: localToIso(period.from, offset),
        to: localToIso(period.to, offset),
        ...(period.reason.trim() ? { reason: period.reason.trim() } : {}),
      })),
    },
  };
}
