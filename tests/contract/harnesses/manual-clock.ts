/** The clock a harness shares between its stand-in and its adapter: it moves only when told to. */
export interface ManualClock {
  now: () => number;
  advance: (ms: number) => void;
  /** A rate limiter's sleep: records the wait and moves the clock past it at once. */
  sleep: (ms: number) => Promise<void>;
  /** Every wait `sleep` was asked for. */
  readonly waits: readonly number[];
}

export function manualClock(start = Date.parse('2026-06-01T12:00:00Z')): ManualClock {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}
