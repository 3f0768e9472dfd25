import { BadRequestError } from '../../errors.ts';

export interface ReportWindow {
  since: Date;
  until: Date;
}

const DAY = 24 * 3600 * 1000;
const MAX_DAYS = 366;

/** The period a report covers: the last 30 days unless given; at most a year, so a report stays cheap. */
export function reportWindow(now: Date, input: { since?: Date | null; until?: Date | null }): ReportWindow {
  const until = input.until ?? now;
  const since = input.since ?? new Date(until.getTime() - 30 * DAY);
  if (since.getTime() >= until.getTime()) throw new BadRequestError('since must be before until');
  if (until.getTime() - since.getTime() > MAX_DAYS * DAY) throw new BadRequestError(`A report covers at most ${MAX_DAYS} days`);
  return { since, until };
}
