import { eq } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { applyOrderVersion } from '../orders/apply-order-version.ts';
import { freshShopConnection } from '../shops/fresh-connection.ts';
import { webhookUrl } from '../shops/webhook-url.ts';

export interface ReconcileOptions {
  shopId: string;
  /** How far back a shop's first pass looks. */
  firstWindowMs?: number;
  /** Re-read this much before the last watermark: platform clocks and commit order are not exact. */
  overlapMs?: number;
  /** Pages per run; a run that stops early resumes from its watermark next time. */
  maxPages?: number;
  pageSize?: number;
}

export type ReconcileOutcome =
  | { status: 'done' | 'partial'; ordersSeen: number; jobsCreated: number; jobsCancelled: number; syncedUntil: string; webhooks?: string }
  | { status: 'skipped'; reason: string };

const ACTOR = 'system:reconcile';
const DAY = 24 * 60 * 60 * 1000;

/**
 * Reads back every order the platform changed since the shop's watermark and applies
 * each as the newest version, exactly as a delivery would: a lost or disabled webhook
 * costs a delay, never an order. Each order is its own transaction, so a fault mid-run
 * keeps what was applied and the next run repeats the rest harmlessly.
 */
export async function reconcileShop(deps: Pick<CoreDeps, 'db' | 'boss' | 'secrets' | 'platformApis' | 'clock' | 'shopifyAuth' | 'publicUrl'>, options: ReconcileOptions): Promise<ReconcileOutcome> {
  const { shopId } = options;
  const [shop] = await withShop(deps.db, shopId, (tx) =>
    tx.select({ syncedUntil: schema.shops.ordersSyncedUntil, uninstalledAt: schema.shops.uninstalledAt }).from(schema.shops).where(eq(schema.shops.id, shopId)),
  );
  if (!shop) return { status: 'skipped', reason: 'no such shop' };
  const state = { shop, connection: await freshShopConnection(deps, shopId) };
  if (state.shop.uninstalledAt) return { status: 'skipped', reason: 'the app is uninstalled' };
  if (!state.connection) return { status: 'skipped', reason: 'no platform connection on file' };
  const api = deps.platformApis[state.connection.platform];
  if (!api) throw new Error(`no ${state.connection.platform} API is configured in this worker`);

  // Health first: webhooks the platform switched off are switched back on, then the
  // read below backfills whatever they missed.
  const webhooks = api.ensureWebhooks ? await api.ensureWebhooks(state.connection, { deliveryUrl: webhookUrl(deps.publicUrl, state.connection.platform, shopId) }) : null;

  const now = deps.clock();
  const since = state.shop.syncedUntil ?? new Date(now.getTime() - (options.firstWindowMs ?? 30 * DAY));
  const updatedSince = new Date(since.getTime() - (options.overlapMs ?? 10 * 60 * 1000)).toISOString();
  let watermark = since;
  let cursor: string | null = null;
  let pages = 0;
  const totals = { ordersSeen: 0, jobsCreated: 0, jobsCancelled: 0 };

  do {
    const page = await api.listChangedOrders(state.connection, { updatedSince, cursor, limit: options.pageSize ?? 50 });
    // The queue retries a passing fault; anything else is the merchant's to fix and shows in the job's failure.
    if (!page.ok) throw new Error(`${state.connection.platform} refused the reconciliation read (${page.reason}): ${page.message}`);
    for (const order of page.value.orders) {
      const applied = await withShop(deps.db, shopId, (tx) => applyOrderVersion(tx, { shopId, order, actor: ACTOR, at: deps.clock(), receivedNote: 'reconciliation', boss: deps.boss }));
      totals.ordersSeen += 1;
      totals.jobsCreated += applied.jobsCreated;
      totals.jobsCancelled += applied.jobsCancelled;
      const updatedAt = new Date(order.updatedAt);
      if (updatedAt > watermark) watermark = updatedAt;
    }
    cursor = page.value.nextCursor;
    pages += 1;
  } while (cursor && pages < (options.maxPages ?? 20));

  await withShop(deps.db, shopId, (tx) => tx.update(schema.shops).set({ ordersSyncedUntil: watermark }).where(eq(schema.shops.id, shopId)));
  const webhookReport = webhooks ? (webhooks.ok ? `${webhooks.value.created} created, ${webhooks.value.reactivated} re-enabled` : `not checked: ${webhooks.message}`) : undefined;
  return { status: cursor ? 'partial' : 'done', ...totals, syncedUntil: watermark.toISOString(), ...(webhookReport ? { webhooks: webhookReport } : {}) };
}
