import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Database = PostgresJsDatabase;
/** A transaction handle; every tenant query runs on one (see `withShop`). */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseClient {
  db: Database;
  /** The raw postgres.js pool, for the few statements drizzle has no builder for. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

export interface ClientOptions {
  url: string;
  /** Pool size; the API and a worker each need only a few connections. */
  max?: number;
  applicationName?: string;
}

export function createDatabaseClient({ url, max = 10, applicationName = 'pressline' }: ClientOptions): DatabaseClient {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: applicationName },
  });
  const db = drizzle({ client: sql });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
