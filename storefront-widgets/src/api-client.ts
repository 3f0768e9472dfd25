/**
 * How a widget reaches Pressline, read from its attributes:
 * - Shopify (app proxy, same origin): `data-api="/apps/pressline"`; Shopify signs each request.
 * - WooCommerce / Odoo: `data-pressline` (Pressline's URL), `data-token` (the customer token
 *   the plugin or addon signed) and `data-shop` or `data-site` (which shop it is for).
 */
export interface ApiConfig {
  root: string;
  token: string | null;
  shop: string | null;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function apiConfig(element: HTMLElement): ApiConfig {
  const data = element.dataset;
  const base = data.pressline?.replace(/\/+$/, '');
  const root = data.api?.replace(/\/+$/, '') ?? (base ? `${base}/storefront` : '/apps/pressline');
  let shop = data.shop ?? null;
  if (!shop && data.site) shop = new URL(data.site, location.href).host;
  return { root, token: data.token ?? null, shop };
}

export async function callApi<T>(config: ApiConfig, path: string, init: RequestInit = {}): Promise<T> {
  const response = await send(config, path, init);
  return (await response.json()) as T;
}

/** Binary reads (thumbnails) go through fetch too: a token cannot ride on an <img src>. */
export async function blobUrl(config: ApiConfig, path: string): Promise<string> {
  return URL.createObjectURL(await (await send(config, path, {})).blob());
}

async function send(config: ApiConfig, path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  if (config.token) headers.set('authorization', `Bearer ${config.token}`);
  if (config.shop) headers.set('x-pressline-shop', config.shop);
  const response = await fetch(`${config.root}/${path}`, { ...init, headers, credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(body?.error?.message ?? response.statusText, response.status);
  }
  return response;
}
