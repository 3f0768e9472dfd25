import { describe, expect, it } from 'vitest';
import { calendarDraftFrom, calendarFromDraft, defaultCalendarDraft, offsetOptions, type CalendarJson } from './calendar-draft.ts';

const calendar: CalendarJson = {
  utcOffsetMinutes: 60,
  shifts: [
    { days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' },
    { days: [4], from: '22:00', to: '06:00' },
  ],
  closed: [{ from: '2031-12-24T00:00:00+01:00', to: '2031-12-27T00:00:00+01:00', reason: 'Christmas' }, { from: '2031-06-01T12:00:00+01:00', to: '2031-06-01T14:00:00+01:00' }],
};

describe('a calendar draft', () => {
  it('saves unchanged the calendar it read, night shifts and closed periods included', () => {
    const draft = calendarDraftFrom(calendar, 0);
    expect(draft.shifts[1]).toEqual({ days: [4], from: '22:00', to: '06:00', overnight: true });
    expect(draft.closed[0]).toEqual({ from: '2031-12-24T00:00', to: '2031-12-27T00:00', reason: 'Christmas' });
    expect(calendarFromDraft(draft)).toEqual({ ok: true, calendar });
  });

  it('shows a closed period given in UTC in the calendar’s local time and saves it with its offset', () => {
    const draft = calendarDraftFrom({ utcOffsetMinutes: -330, shifts: [{ days: [2, 0], from: '09:00', to: '17:00' }], closed: [{ from: '2031-01-01T05:30:00Z', to: '2031-01-02T05:30:00.000Z' }] }, 0);
    expect(draft.closed[0]).toEqual({ from: '2031-01-01T00:00', to: '2031-01-02T00:00', reason: '' });
    const saved = calendarFromDraft(draft);
    expect(saved).toEqual({ ok: true, calendar: { utcOffsetMinutes: -330, shifts: [{ days: [0, 2], from: '09:00', to: '17:00' }], closed: [{ from: '2031-01-01T00:00:00-05:30', to: '2031-01-02T00:00:00-05:30' }] } });
    if (saved.ok) expect(Date.parse(saved.calendar!.closed![0]!.from)).toBe(Date.parse('2031-01-01T05:30:00Z'));
  });

  it('is null ("always working") when ticked so, whatever the rows say', () => {
    expect(calendarFromDraft({ ...calendarDraftFrom(calendar, 0), alwaysWorking: true })).toEqual({ ok: true, calendar: null });
    expect(calendarDraftFrom(null, 120)).toEqual(defaultCalendarDraft(120));
  });

  it('names the obvious mistakes by the API’s field paths and gives no calendar', () => {
    const draft = {
      alwaysWorking: false,
      utcOffsetMinutes: 0,
      shifts: [
        { days: [], from: '08:00', to: '16:00', overnight: false },
        { days: [1], from: '16:00', to: '08:00', overnight: false },
        { days: [1], from: '08:00', to: '16:00', overnight: true },
        { days: [1], from: '', to: '8', overnight: false },
      ],
      closed: [{ from: '2031-01-02T00:00', to: '2031-01-01T00:00', reason: '' }, { from: '', to: '2031-01-01T00:00', reason: 'x'.repeat(201) }],
    };
    const check = calendarFromDraft(draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual([
      'calendar.closed.0.to',
      'calendar.closed.1.from',
      'calendar.closed.1.reason',
      'calendar.shifts.0.days',
      'calendar.shifts.1.to',
      'calendar.shifts.2.to',
      'calendar.shifts.3.from',
      'calendar.shifts.3.to',
    ]);
    expect(check.errors['calendar.shifts.1.to']).toMatch(/^Must be after From/);
    expect(calendarFromDraft({ ...draft, shifts: [], closed: [] })).toEqual({ ok: false, errors: { 'calendar.shifts': 'Add at least one shift, or tick "Always working"' } });
  });

  it('offers the world’s offsets, and an unusual one a calendar already has', () => {
    expect(offsetOptions(60).find((option) => option.value === '60')?.label).toBe('UTC+01:00');
    expect(offsetOptions(-570).find((option) => option.value === '-570')?.label).toBe('UTC-09:30');
    const odd = offsetOptions(17);
    expect(odd.map((option) => Number(option.value))).toEqual([...odd.map((option) => Number(option.value))].sort((a, b) => a - b));
    expect(odd.find((option) => option.value === '17')?.label).toBe('UTC+00:17');
  });
});
