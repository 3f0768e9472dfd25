import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle } from 'pg-boss';
import type { Tx } from './client.ts';
import type { QueueName } from './queues.ts';

export const BOSS_SCHEMA = 'pgboss';

export interface BossOptions {
  url: string;
  max?: number;
  /** Only `migrate` (the owner) creates or upgrades pg-boss's schema. */
  migrate?: boolean;
  /** Workers supervise (maintenance, expiry); an API-only process need not. */
  supervise?: boolean;
}

export function createBoss({ url, max = 4, migrate = false, supervise = true }: BossOptions): PgBoss {
  return new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max,
    migrate,
    createSchema: migrate,
    supervise,
    // Workers listen for NOTIFY from notify-enabled queues; an API process only sends.
    useListenNotify: supervise,
    // How soon a supervising process notices a job whose worker died (its heartbeat lapsed).
    monitorIntervalSeconds: 10,
    superviseIntervalSeconds: 10,
    // Workers keep the cron schedule (reconciliation); an API-only process does not.
    schedule: supervise,
    application_name: 'pressline-queue',
  });
}

/**
 * Enqueues inside the caller's transaction, so the job exists exactly when the rows
 * that caused it do. pg-boss returns null instead of an id when it skipped the insert
 * (e.g. before `start()`); that would silently lose work, so it is an error here.
 */
export async function enqueueInTx(
  boss: PgBoss,
  tx: Tx,
  queue: QueueName,
  data: object,
  options: { singletonKey?: string; startAfter?: Date } = {},
): Promise<string> {
  const id = await boss.send(queue, data, { ...options, db: fromDrizzle(tx, sql) });
  if (!id) throw new Error(`pg-boss did not enqueue a job on ${queue}`);
  return id;
}

/**
 * Enqueues unless a job with the same singleton key is already waiting: then null, and
 * the waiting job does the work (e.g. one re-check per shop for any number of edits).
 */
export async function enqueueSingletonInTx(boss: PgBoss, tx: Tx, queue: QueueName, data: object, singletonKey: string): Promise<string | null> {
  return boss.send(queue, data, { singletonKey, db: fromDrizzle(tx, sql) });
}
