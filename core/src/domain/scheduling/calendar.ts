import type { WorkingCalendar } from './scheduling-types.ts';

/**
 * A machine's working time as sorted, disjoint windows [start, end) with the working
 * minutes before each, so "the instant after d working minutes from t" is two binary
 * searches. Periodic calendars are expanded over a horizon long enough for all the work.
 */
export interface Calendar {
  starts: Float64Array;
  ends: Float64Array;
  /** Working minutes in the windows before window i. */
  before: Float64Array;
  longest: number;
}

/** Hard cap on expanded windows, so a pathological calendar cannot exhaust memory. */
const MAX_WINDOWS = 200_000;

export interface CalendarHorizon {
  /** Earliest time that matters (now, or the earliest running start). */
  from: number;
  /** Latest release of any job: the work may all come after it. */
  latest: number;
  /** Working minutes that must fit after `latest`. */
  work: number;
}

export function compileCalendar(spec: WorkingCalendar, horizon: CalendarHorizon): Calendar {
  const base = cleanWindows(spec.windows);
  const period = spec.repeatEvery;
  let windows: Array<[number, number]>;
  if (period !== undefined && Number.isFinite(period) && period > 0) {
    windows = [];
    const inPeriod = mergeWindows(base.map(([s, e]) => [Math.max(0, s), Math.min(period, e)] as [number, number]).filter(([s, e]) => s < e));
    const perPeriod = inPeriod.reduce((sum, [s, e]) => sum + e - s, 0);
    if (perPeriod > 0) {
      const closedWork = (spec.closed ?? []).reduce((sum, [s, e]) => sum + Math.max(0, e - s), 0);
      let k = Math.floor(horizon.from / period);
      let after = 0;
      // Enough periods for all the work after the latest release, plus whatever is closed.
      while (windows.length < MAX_WINDOWS && (k * period < horizon.latest || after < horizon.work + closedWork + perPeriod)) {
        for (const [s, e] of inPeriod) {
          const start = k * period + s;
          const end = k * period + e;
          windows.push([start, end]);
          if (end > horizon.latest) after += end - Math.max(start, horizon.latest);
        }
        k += 1;
      }
    }
  } else {
    windows = base;
  }
  windows = subtractWindows(windows, cleanWindows(spec.closed ?? []));
  return fromWindows(windows.slice(0, MAX_WINDOWS));
}

function cleanWindows(windows: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  return mergeWindows(windows.filter(([s, e]) => !Number.isNaN(s) && !Number.isNaN(e) && s < e).map(([s, e]) => [s, e] as [number, number]));
}

function mergeWindows(windows: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function subtractWindows(windows: Array<[number, number]>, closed: Array<[number, number]>): Array<[number, number]> {
  if (closed.length === 0) return windows;
  const out: Array<[number, number]> = [];
  let c = 0;
  for (const [s0, e] of windows) {
    let s = s0;
    while (c < closed.length && closed[c]![1] <= s) c += 1;
    let k = c;
    while (k < closed.length && closed[k]![0] < e) {
      const [cs, ce] = closed[k]!;
      if (cs > s) out.push([s, cs]);
      s = Math.max(s, ce);
      k += 1;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

export function fromWindows(windows: ReadonlyArray<readonly [number, number]>): Calendar {
  const n = windows.length;
  const cal: Calendar = { starts: new Float64Array(n), ends: new Float64Array(n), before: new Float64Array(n), longest: 0 };
  let work = 0;
  for (let i = 0; i < n; i++) {
    const [s, e] = windows[i]!;
    cal.starts[i] = s;
    cal.ends[i] = e;
    cal.before[i] = work;
    work += e - s;
    if (e - s > cal.longest) cal.longest = e - s;
  }
  return cal;
}

/** Index of the first window ending after t (windows.length when none). */
function windowAfter(cal: Calendar, t: number): number {
  let lo = 0;
  let hi = cal.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cal.ends[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first working instant at or after t; Infinity when the calendar has none left. */
export function snap(cal: Calendar, t: number): number {
  const i = windowAfter(cal, t);
  return i === cal.ends.length ? Infinity : Math.max(t, cal.starts[i]!);
}

/** The instant when `minutes` working minutes counted from t are done. */
export function advance(cal: Calendar, t: number, minutes: number): number {
  if (minutes <= 0) return t;
  const n = cal.ends.length;
  const i = windowAfter(cal, t);
  if (i === n) return Infinity;
  const target = cal.before[i]! + Math.max(0, t - cal.starts[i]!) + minutes;
  // First window whose working minutes reach the target.
  let lo = i;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cal.before[mid]! + cal.ends[mid]! - cal.starts[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo === n ? Infinity : cal.starts[lo]! + (target - cal.before[lo]!);
}

/** The earliest start at or after t with `minutes` inside one window; Infinity if none. */
export function fitWhole(cal: Calendar, t: number, minutes: number): number {
  if (minutes > cal.longest) return Infinity;
  for (let i = windowAfter(cal, t); i < cal.ends.length; i++) {
    const s = Math.max(t, cal.starts[i]!);
    if (s + minutes <= cal.ends[i]!) return s;
  }
  return Infinity;
}

/** The working pieces of [start, end), when there are more than one. */
export function segmentsOf(cal: Calendar, start: number, end: number): Array<[number, number]> | undefined {
  const pieces: Array<[number, number]> = [];
  for (let i = windowAfter(cal, start); i < cal.ends.length && cal.starts[i]! < end; i++) {
    pieces.push([Math.max(start, cal.starts[i]!), Math.min(end, cal.ends[i]!)]);
  }
  return pieces.length > 1 ? pieces : undefined;
}

/**
 * Expands a weekly shift pattern into explicit windows on an axis where `weekStart` is a
 * Monday 00:00: `days` are 0 (Monday) to 6, `from`/`to` minutes after midnight (`to` may
 * pass midnight for a night shift).
 */
export function weeklyWindows(input: {
  weekStart: number;
  shifts: ReadonlyArray<{ days: readonly number[]; from: number; to: number }>;
}): WorkingCalendar {
  const windows: Array<[number, number]> = [];
  for (const shift of input.shifts) {
    for (const day of shift.days) {
      const start = day * 1440 + shift.from;
      const end = day * 1440 + shift.to;
      if (end <= start) continue;
      // A Sunday night shift wraps into next Monday: split it at the period end.
      windows.push([start % 10080, Math.min(end, 10080)]);
      if (end > 10080) windows.push([0, end - 10080]);
    }
  }
  const offset = ((input.weekStart % 10080) + 10080) % 10080;
  const shifted = windows.flatMap(([s, e]): Array<[number, number]> => {
    const a = (s + offset) % 10080;
    const b = a + (e - s);
    return b <= 10080 ? [[a, b]] : [[a, 10080], [0, b - 10080]];
  });
  return { windows: mergeWindows(shifted), repeatEvery: 10080 };
}
