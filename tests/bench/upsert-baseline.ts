import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { APP_ROLE } from '@pressline/db';

export interface UpsertRate {
  rows: number;
  seconds: number;
  perSecond: number;
}

export interface UpsertBaselineOptions {
  owner: postgres.Sql;
  appUrl: string;
  /** Bytes of text per row, like a stored delivery body. */
  valueBytes: number;
  rows: number;
  maxSeconds: number;
}

/** A throwaway schema, so no tenant table is touched; dropped at the end. */
const SCHEMA = 'pressline_bench';
const WARM_UP_ROWS = 50;

/**
 * The machine's raw write rate, measured in the same run so a noisy, shared machine is
 * compared with itself: autocommit single-row upserts as the application role through
 * postgres.js, one after another (`sequential`) and with `concurrency` connections.
 */
export async function measureUpsertRates(options: UpsertBaselineOptions & { concurrency: number }): Promise<{ sequential: UpsertRate; concurrent: UpsertRate }> {
  const { owner } = options;
  await owner.unsafe(`
    create schema ${SCHEMA};
    create table ${SCHEMA}.upserts (key text primary key, value text not null, hits integer not null default 1);
    grant usage on schema ${SCHEMA} to ${APP_ROLE};
    grant select, insert, update on ${SCHEMA}.upserts to ${APP_ROLE};
  `);
  const app = postgres(options.appUrl, { max: options.concurrency, onnotice: () => {} });
  try {
    await upsertLoop(app, { ...options, prefix: 'warm', rows: WARM_UP_ROWS, lanes: 1 });
    const sequential = await upsertLoop(app, { ...options, prefix: 'seq', lanes: 1 });
    const concurrent = await upsertLoop(app, { ...options, prefix: 'par', lanes: options.concurrency });
    return { sequential, concurrent };
  } finally {
    await app.end();
    await owner.unsafe(`drop schema ${SCHEMA} cascade`);
  }
}

async function upsertLoop(
  sql: postgres.Sql,
  options: { prefix: string; rows: number; maxSeconds: number; valueBytes: number; lanes: number },
): Promise<UpsertRate> {
  const value = 'x'.repeat(options.valueBytes);
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < options.rows && performance.now() < deadline) {
      const n = next++;
      // Every sixth row re-upserts an earlier key: the same 20% share of conflicts as the intake mix.
      const key = `${options.prefix}-${n % 6 === 5 ? n - 5 : n}`;
      await sql`
        insert into ${sql(SCHEMA)}.upserts (key, value) values (${key}, ${value})
        on conflict (key) do update set value = excluded.value, hits = upserts.hits + 1
      `;
      done++;
    }
  };
  await Promise.all(Array.from({ length: options.lanes }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { rows: done, seconds, perSecond: done / seconds };
}
