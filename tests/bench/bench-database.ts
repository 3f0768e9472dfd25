import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { appUrlFor, withDatabase } from '@pressline/db';
import { TEST_APP_PASSWORD } from '../support/constants.ts';

export interface BenchDatabase {
  /** The environment `pressline start` would be given for this database. */
  env: Record<string, string>;
  describe: string;
  /** Drops the scratch database or removes the temporary home; run after the app stopped. */
  cleanup(): Promise<void>;
}

/**
 * A fresh database for one run: a scratch database on the server in DATABASE_URL when
 * set, else a temporary PRESSLINE_HOME, where the runtime starts an embedded Postgres.
 */
export async function createBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  const home = await mkdtemp(join(tmpdir(), 'pressline-bench-'));
  const removeHome = () => rm(home, { recursive: true, force: true });
  if (!databaseUrl) {
    return { env: { PRESSLINE_HOME: home }, describe: `embedded Postgres under ${home}`, cleanup: removeHome };
  }

  const name = `pressline_bench_${process.pid}_${Date.now()}`;
  await withAdmin(databaseUrl, (admin) => admin.unsafe(`create database ${name}`));
  const ownerUrl = withDatabase(databaseUrl, name);
  return {
    env: {
      PRESSLINE_HOME: home,
      DATABASE_URL: ownerUrl,
      // The app role is cluster-wide: keep the password the integration tests set, so a
      // bench and a test run on one server never change it under each other.
      DATABASE_APP_URL: appUrlFor(ownerUrl, TEST_APP_PASSWORD),
    },
    describe: `scratch database ${name} on ${new URL(databaseUrl).host}`,
    cleanup: async () => {
      await withAdmin(databaseUrl, (admin) => admin.unsafe(`drop database if exists ${name} with (force)`));
      await removeHome();
    },
  };
}

async function withAdmin(url: string, fn: (admin: postgres.Sql) => Promise<unknown>): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await fn(admin);
  } finally {
    await admin.end();
  }
}
