import { z } from 'zod';

/** How long a job of a profile takes: setup once, then per unit (and per m² / cm³ of one unit when known). */
export interface TimeModel {
  setupMinutes: number;
  minutesPerUnit: number;
  minutesPerSquareMeter?: number;
  minutesPerCubicCm?: number;
}

/** For a profile without a time model: a stand-in, and the job says its duration is one. */
export const DEFAULT_TIME_MODEL: TimeModel = { setupMinutes: 15, minutesPerUnit: 0.5 };

/** No single job is planned longer than a year of working time (bounds the calendar expansion). */
export const MAX_JOB_MINUTES = 525_600;

const minutes = z.number().finite().min(0, 'must be 0 or more').max(MAX_JOB_MINUTES);
const timeModelSchema = z.strictObject({
  setupMinutes: minutes,
  minutesPerUnit: minutes,
  minutesPerSquareMeter: minutes.optional(),
  minutesPerCubicCm: minutes.optional(),
});

export type TimeModelCheck = { ok: true; timeModel: TimeModel } | { ok: false; problems: string[] };

export function parseTimeModel(value: unknown): TimeModelCheck {
  const parsed = timeModelSchema.safeParse(value);
  if (parsed.success) return { ok: true, timeModel: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${['timeModel', ...issue.path].join('.')}: ${issue.message}`) };
}

export interface DurationInput {
  timeModel: TimeModel | null;
  quantity: number;
  /** One unit's area (trim size), when the profile knows it. */
  areaM2?: number | null;
  volumeCm3?: number | null;
  /** The slowest compatible machine's time factor (ETAs err late, not early). */
  timeFactor?: number;
}

/** Whole working minutes, at least 1, at most MAX_JOB_MINUTES; `source` says whether a real time model was used. */
export function jobDuration(input: DurationInput): { minutes: number; source: 'profile' | 'default' } {
  const model = input.timeModel ?? DEFAULT_TIME_MODEL;
  const quantity = Number.isFinite(input.quantity) && input.quantity > 0 ? input.quantity : 1;
  const perUnit =
    model.minutesPerUnit + (model.minutesPerSquareMeter ?? 0) * (input.areaM2 ?? 0) + (model.minutesPerCubicCm ?? 0) * (input.volumeCm3 ?? 0);
  const factor = input.timeFactor !== undefined && Number.isFinite(input.timeFactor) && input.timeFactor > 0 ? input.timeFactor : 1;
  const raw = (model.setupMinutes + quantity * perUnit) * factor;
  // Rounding noise (0.1 × 3 = 0.30000000000000004) must not cost a whole minute.
  const whole = Math.min(MAX_JOB_MINUTES, Math.max(1, Math.ceil(Number.isFinite(raw) ? raw - 1e-9 : MAX_JOB_MINUTES)));
  return { minutes: whole, source: input.timeModel ? 'profile' : 'default' };
}
