import type { ShopConnection } from '../../contract.ts';
import { createFakeShopifyAdmin, type FakeShopifyAdmin, type FakeShopifyAdminOptions } from '../testing/fake-shopify-admin.ts';
import { createShopifyAdminApi } from './shopify-admin-api.ts';

/** For this folder's tests: the fake shop, an API client pointed at it, and one manual clock for both. */
export interface FakeShopHarness {
  fake: FakeShopifyAdmin;
  api: ReturnType<typeof createShopifyAdminApi>;
  connection: Extract<ShopConnection, { platform: 'shopify' }>;
  /** Every wait the rate limiter asked for; each one moved the clock on. */
  sleeps: number[];
  advance(ms: number): void;
  close(): void;
}

export async function startFakeShop(options: FakeShopifyAdminOptions & { maxRetries?: number } = {}): Promise<FakeShopHarness> {
  let now = Date.parse('2026-10-01T12:00:00Z');
  const clock = () => now;
  const advance = (ms: number) => {
    now += ms;
  };
  const fake = await createFakeShopifyAdmin({ now: clock, ...options });
  fake.listen();
  const sleeps: number[] = [];
  const api = createShopifyAdminApi({
    apiKey: 'key',
    apiSecretKey: 'secret',
    hostName: 'pressline.test',
    rateLimit: {
      now: clock,
      maxRetries: options.maxRetries ?? 3,
      sleep: async (ms) => {
        sleeps.push(ms);
        advance(ms);
      },
    },
  });
  return {
    fake,
    api,
    connection: { platform: 'shopify', shopDomain: fake.shopDomain, accessToken: fake.accessToken },
    sleeps,
    advance,
    close: () => fake.close(),
  };
}
