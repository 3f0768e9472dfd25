import { addShop, createApiKey, reconcileShop, transitionJob } from '@pressline/core';
import type { BackpropPlatform } from './backprop-platforms.ts';
import { eventually, type TestApp } from './test-app.ts';

/** From received to ready, through the default workflow. */
export const TO_READY = ['preflight', 'approved', 'scheduled', 'in_production', 'post_processing', 'quality_check', 'ready'] as const;

export async function connectTestShop(app: TestApp, platform: BackpropPlatform): Promise<{ shopId: string; apiKey: string }> {
  const shop = await addShop(app.deps, { platform: platform.platform, domain: platform.domain, connection: platform.connection });
  const key = await createApiKey(app.deps, { shopId: shop.id, name: 'backprop' });
  return { shopId: shop.id, apiKey: key.key };
}

export interface ImportedOrder {
  orderId: string;
  /** Pressline's order line ids, in the platform's line order. */
  lineIds: string[];
  /** Pressline's job per line, in the same order. */
  jobIds: string[];
}

/** Reads the platform's order into Pressline (reconciliation), one job per line as the default split makes. */
export async function importOrder(app: TestApp, shopId: string, platform: BackpropPlatform, externalId: string, lineExternalIds: string[]): Promise<ImportedOrder> {
  const outcome = await reconcileShop(app.deps, { shopId, firstWindowMs: 3 * 24 * 3600 * 1000 });
  if (outcome.status === 'skipped') throw new Error(`reconciliation skipped: ${outcome.reason}`);
  const [order] = await app.owner<{ id: string }[]>`select id from orders where shop_id = ${shopId} and external_id = ${externalId}`;
  if (!order) throw new Error(`${platform.platform} order ${externalId} was not imported`);
  const lines = await app.owner<{ id: string; external_id: string; job_id: string }[]>`
    select l.id, l.external_id, i.job_id from order_lines l join job_items i on i.shop_id = l.shop_id and i.order_line_id = l.id
    where l.shop_id = ${shopId} and l.order_id = ${order.id}`;
  const byExternal = (id: string) => {
    const line = lines.find((candidate) => candidate.external_id === id);
    if (!line) throw new Error(`line ${id} has no job`);
    return line;
  };
  return { orderId: order.id, lineIds: lineExternalIds.map((id) => byExternal(id).id), jobIds: lineExternalIds.map((id) => byExternal(id).job_id) };
}

export async function moveJob(app: TestApp, shopId: string, jobId: string, stages: readonly string[]): Promise<void> {
  for (const to of stages) await transitionJob(app.deps, { shopId, jobId, to, actor: 'operator:test' });
}

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordShipmentInput!) {
    recordShipment(input: $input) { id trackingNumbers lines { quantity orderLine { id } } }
  }
`;

export async function recordShipmentVia(app: TestApp, apiKey: string, input: Record<string, unknown>) {
  return app.graphql<{ recordShipment: { id: string; trackingNumbers: string[] } }>(apiKey, RECORD, { input });
}

export interface OutboxState {
  kind: string;
  status: string;
  attempts: number;
  last_error: string | null;
  payload: Record<string, unknown>;
}

export function outboxOf(app: TestApp, shopId: string, orderId?: string): Promise<OutboxState[]> {
  return orderId
    ? app.owner<OutboxState[]>`select kind, status, attempts, last_error, payload from outbox where shop_id = ${shopId} and order_id = ${orderId} order by created_at`
    : app.owner<OutboxState[]>`select kind, status, attempts, last_error, payload from outbox where shop_id = ${shopId} order by created_at`;
}

/** Waits until no effect of the kind is pending any more, and returns them. */
export async function settled(app: TestApp, shopId: string, orderId: string, kind: string, count: number, timeoutMs = 30_000): Promise<OutboxState[]> {
  return eventually(async () => {
    const rows = (await outboxOf(app, shopId, orderId)).filter((row) => row.kind === kind);
    return rows.length === count && rows.every((row) => row.status !== 'pending') ? rows : undefined;
  }, timeoutMs);
}

/** Waits until every effect of the order has been relayed (or dead-lettered). */
export async function quiet(app: TestApp, shopId: string, orderId: string, timeoutMs = 30_000): Promise<OutboxState[]> {
  return eventually(async () => {
    const rows = await outboxOf(app, shopId, orderId);
    return rows.every((row) => row.status !== 'pending') ? rows : undefined;
  }, timeoutMs);
}
