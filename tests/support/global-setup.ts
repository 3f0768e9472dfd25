import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { runMigrations, startEmbeddedPostgres, withDatabase } from '@pressline/db';
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
