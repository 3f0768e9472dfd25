import { createHmac } from 'node:crypto';
import { appUrlFor } from './connection-urls.ts';
import { startEmbeddedPostgres } from './embedded.ts';

export interface DatabaseLocationOptions {
  /** Any Postgres, as a role that owns the schema; unset → the embedded server. */
  databaseUrl?: string | undefined;
  /** How the application role connects, when it differs from the owner URL's server. */
  appDatabaseUrl?: string | undefined;
  /** Where the embedded server keeps its data (`PRESSLINE_HOME`). */
  home: string;
  log?: (line: string) => void;
}

export interface DatabaseLocation {
  ownerUrl: string;
  appUrl: string;
  appPassword: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  stop(): Promise<void>;
}

export async function locateDatabase(options: DatabaseLocationOptions): Promise<DatabaseLocation> {
  if (options.databaseUrl) return fromUrls(options.databaseUrl, options.appDatabaseUrl, false, async () => {});
  const server = await startEmbeddedPostgres(options.home, options.log);
  return fromUrls(server.ownerUrl, options.appDatabaseUrl, true, server.stop);
}

function fromUrls(ownerUrl: string, appDatabaseUrl: string | undefined, embedded: boolean, stop: () => Promise<void>): DatabaseLocation {
  if (appDatabaseUrl) {
    const appPassword = decodeURIComponent(new URL(appDatabaseUrl).password);
    return { ownerUrl, appUrl: appDatabaseUrl, appPassword, embedded, stop };
  }
  // Derived from the owner's credentials, so an API and a worker process given the same
  // DATABASE_URL agree on it without sharing a file. The role is cluster-wide, so the
  // database name is left out: two Pressline databases on one server agree too.
  const server = new URL(ownerUrl);
  server.pathname = '/';
  server.search = '';
  const appPassword = createHmac('sha256', server.toString()).update('pressline_app').digest('base64url');
  return { ownerUrl, appUrl: appUrlFor(ownerUrl, appPassword), appPassword, embedded, stop };
}
