import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { BOSS_SCHEMA, createBoss } from './boss.ts';
import { DEAD_LETTER_QUEUE, queues } from './queues.ts';

export const APP_ROLE = 'pressline_app';
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));
/** Serialises concurrent `migrate` runs against one database. */
const MIGRATION_LOCK = 7_301_042;

export interface MigrateOptions {
  /** A connection as the schema owner. */
  ownerUrl: string;
  /** The password the application role logs in with. */
  appPassword: string;
}

/**
 * Brings the schema, the application role and pg-boss up to date. Runs as the owner;
 * everything else in Pressline connects as `pressline_app`, which RLS applies to.
 */
export async function runMigrations({ ownerUrl, appPassword }: MigrateOptions): Promise<void> {
  const lock = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      await client.unsafe(`alter role ${APP_ROLE} login password '${appPassword.replaceAll("'", "''")}'`);
    } finally {
      await client.end();
    }
    await migrateQueue(ownerUrl);
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await lock.end();
  }
}

async function migrateQueue(ownerUrl: string): Promise<void> {
  const boss = createBoss({ url: ownerUrl, max: 2, migrate: true, supervise: false });
  boss.on('error', () => {});
  await boss.start();
  try {
    await boss.createQueue(DEAD_LETTER_QUEUE);
    for (const queue of Object.values(queues)) {
      await boss.createQueue(queue.name, { ...queue.options, deadLetter: DEAD_LETTER_QUEUE });
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`
      grant usage on schema ${BOSS_SCHEMA} to ${APP_ROLE};
      grant select, insert, update, delete on all tables in schema ${BOSS_SCHEMA} to ${APP_ROLE};
      grant usage, select on all sequences in schema ${BOSS_SCHEMA} to ${APP_ROLE};
      grant execute on all functions in schema ${BOSS_SCHEMA} to ${APP_ROLE};
      alter default privileges in schema ${BOSS_SCHEMA} grant select, insert, update, delete on tables to ${APP_ROLE};
    `);
  } finally {
    await sql.end();
  }
}
