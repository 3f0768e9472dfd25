import { APP_ROLE } from './migrate.ts';

/** The application role's URL on the same server and database as the owner's. */
export function appUrlFor(ownerUrl: string, appPassword: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(appPassword);
  return url.toString();
}

/** The same server with another database name (tests create one per worker). */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}
