/**
 * The live schedule's time axis: minutes since Monday 2024-01-01 00:00 UTC. A Monday
 * midnight as zero lets weekly shift patterns repeat from 0 (`repeatEvery` 10080); a shop
 * in another time zone shifts its week by its UTC offset (see `calendarFromJson`).
 * Plans are made to the whole minute: "now" is rounded down, due dates to the nearest.
 */
export const AXIS_EPOCH_MS = Date.UTC(2024, 0, 1);

const MS_PER_MINUTE = 60_000;

export function toAxisMinutes(epochMs: number): number {
  return (epochMs - AXIS_EPOCH_MS) / MS_PER_MINUTE;
}

export function fromAxisMinutes(minutes: number): number {
  return AXIS_EPOCH_MS + minutes * MS_PER_MINUTE;
}
