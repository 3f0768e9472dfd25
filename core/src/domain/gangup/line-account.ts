/** One run's share of an order line, as the line's account sums it. */
export interface LineRunShare {
  runStatus: 'planned' | 'running' | 'finished' | 'cancelled';
  /** Copies the run places for the line. */
  copies: number;
  /** Copies of them recorded as spoiled. */
  spoiled: number;
  /** The run makes up for copies spoiled before. */
  remake: boolean;
}

export interface LineAccount {
  ordered: number;
  /** Good copies from finished runs. */
  made: number;
  spoiled: number;
  /** Good copies made by remakes. */
  remade: number;
  /** Copies in planned or running runs. */
  inProduction: number;
  /** Still to be made: ordered − made, never below 0. */
  owed: number;
  /** Owed and not yet in any run: what a new run should take. */
  unplanned: number;
}

/** What an order line is owed, made, spoiled and remade across every run that served it. */
export function lineAccount(ordered: number, shares: readonly LineRunShare[]): LineAccount {
  let made = 0;
  let spoiled = 0;
  let remade = 0;
  let inProduction = 0;
  for (const share of shares) {
    if (share.runStatus === 'cancelled') continue;
    if (share.runStatus === 'finished') {
      const good = Math.max(0, share.copies - share.spoiled);
      made += good;
      spoiled += Math.min(share.spoiled, share.copies);
      if (share.remake) remade += good;
    } else {
      inProduction += share.copies;
    }
  }
  const owed = Math.max(0, ordered - made);
  return { ordered, made, spoiled, remade, inProduction, owed, unplanned: Math.max(0, owed - inProduction) };
}
