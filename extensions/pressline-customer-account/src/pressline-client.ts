import type { ExtensionEnv, StandardApi } from './shopify-api.ts';
import type { CustomerOrder, Reorder } from './types.ts';
import { legacyId } from './view-model.ts';

/** The storefront API's refusal: its status and its message for the customer. */
export class PresslineError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * One call to Pressline's storefront API with a fresh session token: Shopify caches the
 * token and renews it before it expires, so each call asks for it again (as documented).
 */
export async function callPressline<T>(api: StandardApi, env: ExtensionEnv, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await api.sessionToken.get()}`);
  const response = await fetch(`${env.presslineUrl.replace(/\/+$/, '')}/storefront/${path}`, { ...init, headers });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new PresslineError(body?.error?.message ?? `HTTP ${response.status}`, response.status);
  }
  return (await response.json()) as T;
}

/** Pressline's view of the Shopify order with this gid, or null when Pressline does not make it (or it is not this customer's). */
export async function presslineOrder(api: StandardApi, env: ExtensionEnv, orderGid: string): Promise<CustomerOrder | null> {
  const externalId = legacyId(orderGid, 'Order');
  if (!externalId) return null;
  const { orders } = await callPressline<{ orders: CustomerOrder[] }>(api, env, `orders?externalId=${encodeURIComponent(externalId)}`);
  return orders[0] ?? null;
}

/** Asks Pressline for the platform's cart or draft order repeating the whole order. */
export async function requestReorder(api: StandardApi, env: ExtensionEnv, orderId: string): Promise<Reorder> {
  const { reorder } = await callPressline<{ reorder: Reorder }>(api, env, `orders/${encodeURIComponent(orderId)}/reorder`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return reorder;
}
