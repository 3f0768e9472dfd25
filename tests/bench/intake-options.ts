import { parseArgs } from 'node:util';

export interface IntakeOptions {
  /** Unique deliveries (one paid order each). */
  deliveries: number;
  /** Requests in flight at once from the sender. */
  concurrency: number;
  /** Re-sends, as a fraction of the unique deliveries. */
  duplicates: number;
  /** Seeds the order contents and the shuffle, so runs are comparable. */
  seed: number;
  /** Upper bound on sending, and again on waiting for the workers. */
  timeoutSeconds: number;
}

const LIMITS = {
  deliveries: { env: 'BENCH_DELIVERIES', fallback: 2000, min: 1, max: 100_000, integer: true },
  concurrency: { env: 'BENCH_CONCURRENCY', fallback: 16, min: 1, max: 256, integer: true },
  duplicates: { env: 'BENCH_DUPLICATES', fallback: 0.2, min: 0, max: 1, integer: false },
  seed: { env: 'BENCH_SEED', fallback: 42, min: 0, max: 2 ** 31 - 1, integer: true },
  timeoutSeconds: { env: 'BENCH_TIMEOUT_SECONDS', fallback: 600, min: 1, max: 3600, integer: true },
} as const;

/** `--deliveries N --concurrency C --duplicates 0.2 --seed S --timeout SECONDS`, else BENCH_* env, else defaults. */
export function parseIntakeOptions(args: string[], env: NodeJS.ProcessEnv): IntakeOptions {
  const { values } = parseArgs({
    args,
    options: {
      deliveries: { type: 'string' },
      concurrency: { type: 'string' },
      duplicates: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
    },
    strict: true,
  });
  const given: Record<keyof IntakeOptions, string | undefined> = {
    deliveries: values.deliveries,
    concurrency: values.concurrency,
    duplicates: values.duplicates,
    seed: values.seed,
    timeoutSeconds: values.timeout,
  };
  const options = {} as IntakeOptions;
  for (const key of Object.keys(LIMITS) as (keyof IntakeOptions)[]) {
    const limit = LIMITS[key];
    const raw = given[key] ?? env[limit.env];
    const value = raw === undefined ? limit.fallback : Number(raw);
    if (!Number.isFinite(value) || value < limit.min || value > limit.max || (limit.integer && !Number.isInteger(value))) {
      throw new RangeError(`${key} must be ${limit.integer ? 'an integer' : 'a number'} from ${limit.min} to ${limit.max}, not "${raw}"`);
    }
    options[key] = value;
  }
  return options;
}
