import { buildShopifyOrderPayload, signShopifyWebhook, type SimulatedOrder } from '@pressline/connectors';
import { sendShopifyOrder } from '@pressline/workers';
import { eventually, type TestApp } from './test-app.ts';

export interface PlaceOrderOptions {
  /** Edits the raw payload before it is signed (e.g. to mark the order cancelled). */
  edit?: (rawBody: string) => string;
  /** Defaults to orders/paid. */
  topic?: string;
  /** Defaults to one id per shop and order; give another to deliver a later version. */
  webhookId?: string;
}

/**
 * Sends one signed `orders/paid` delivery through the real webhook endpoint and waits
 * until the workers have processed it, so a test can send orders one after another and
 * rely on the order they were stored in.
 */
export async function placeOrder(app: TestApp, shopDomain: string, order: SimulatedOrder, options: PlaceOrderOptions = {}): Promise<void> {
  const webhookId = options.webhookId ?? `wh-${shopDomain}-${order.id}`;
  const topic = options.topic ?? 'orders/paid';
  const response = options.edit
    ? await sendSigned(app, { shopDomain, webhookId, topic, rawBody: options.edit(buildShopifyOrderPayload(order)) })
    : await sendShopifyOrder({ baseUrl: app.baseUrl, secret: app.secret, shopDomain, order, webhookId, topic });
  if (response.status !== 200) throw new Error(`order ${order.name} for ${shopDomain} was refused: ${response.status} ${await response.text()}`);
  const status = await eventually(async () => {
    const [row] = await app.owner<{ status: string; error: string | null }[]>`
      select d.status, d.error from webhook_deliveries d join shops s on s.id = d.shop_id
      where s.domain = ${shopDomain} and d.delivery_key = ${webhookId}`;
    return row && row.status !== 'pending' ? row : undefined;
  });
  if (status.status !== 'processed') throw new Error(`order ${order.name} was not processed: ${status.status} ${status.error ?? ''}`);
}

/** Posts any body with Shopify's headers, signed with the test app's secret. */
export function sendSigned(app: TestApp, delivery: { shopDomain: string; webhookId: string; topic: string; rawBody: string }): Promise<Response> {
  const { shopDomain, webhookId, topic, rawBody } = delivery;
  const headers = signShopifyWebhook({ rawBody, secret: app.secret, topic, shopDomain, webhookId, eventId: `event-${webhookId}` });
  return fetch(`${app.baseUrl}/webhooks/shopify`, { method: 'POST', headers, body: rawBody });
}

export interface JobRow {
  id: string;
  number: number;
  stageKey: string;
  orderName: string;
}

/** Every job of one shop as the owner sees it (RLS does not apply to the owner). */
export function jobsOf(app: TestApp, shopId: string): Promise<JobRow[]> {
  return app.owner<JobRow[]>`
    select j.id, j.number, j.stage_key as "stageKey", o.name as "orderName"
    from jobs j join orders o on o.shop_id = j.shop_id and o.id = j.order_id
    where j.shop_id = ${shopId} order by j.number`;
}

/** The GraphQL error codes of a result, in order (empty when it succeeded). */
export function errorCodes(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.['code']);
}
