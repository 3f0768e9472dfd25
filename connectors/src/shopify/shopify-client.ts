// The one place the Shopify SDK is configured. Everything it returns stays inside
// `shopify/`; adapters translate it into the contract's types.
import '@shopify/shopify-api/adapters/web-api';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

const API_VERSION = ApiVersion.October26;

/** The Admin API version Pressline is built and tested against (latest stable). */
export const SHOPIFY_API_VERSION: string = API_VERSION;

export interface ShopifyAppConfig {
  apiKey: string;
  apiSecretKey: string;
  /** The app's public host, without scheme (e.g. "pressline.example.com"). */
  hostName: string;
}

export interface ShopifyClientOptions extends ShopifyAppConfig {
  /**
   * Replaces the fetch used for Admin API calls. The SDK keeps a single fetch for the
   * whole process, so this affects every Shopify client in it.
   */
  fetch?: typeof fetch;
}

export type ShopifyClient = ReturnType<typeof createShopifyClient>;

// The web-api adapter captures `globalThis.fetch` when it is imported, which would hide
// a fetch patched later (msw). Look the global up on every call instead.
setAbstractFetchFunc((input, init) => globalThis.fetch(input, init));

export function createShopifyClient(options: ShopifyClientOptions) {
  if (options.fetch) setAbstractFetchFunc(options.fetch);
  return shopifyApi({
    apiKey: options.apiKey,
    apiSecretKey: options.apiSecretKey,
    hostName: options.hostName,
    apiVersion: API_VERSION,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error, log: () => {} },
  });
}
