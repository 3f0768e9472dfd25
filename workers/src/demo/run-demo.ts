import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addShop, authenticateApiKey, createApiKey, findShopId, type CoreDeps } from '@pressline/core';
import { DEMO_SHOP_DOMAIN, demoOrders } from './demo-orders.ts';
import { scheduleDemoJobs, seedDemoShopFloor } from './demo-shop-floor.ts';
import { sendShopifyOrder } from './simulated-storefront.ts';

interface DemoState {
  shopifySecret: string;
  apiKey?: string;
}

/** The demo's own Shopify app secret (unless SHOPIFY_API_SECRET is set), kept per home. */
export async function demoSecret(home: string, configured: string | undefined): Promise<string> {
  const state = await loadState(home);
  return configured ?? state.shopifySecret;
}

/**
 * Seeds the demo shop, its API key, machines and production profiles, then lets the
 * simulated storefront send the demo orders through the real webhook endpoint, waits
 * until the workers turned them into jobs and puts the ones without files on the schedule.
 */
export async function runDemo(deps: CoreDeps, options: { home: string; baseUrl: string; secret: string; timeoutMs?: number }): Promise<{ shopId: string; apiKey: string; jobs: number }> {
  const state = await loadState(options.home);
  const shopId = (await findShopId(deps, DEMO_SHOP_DOMAIN)) ?? (await addShop(deps, { platform: 'shopify', domain: DEMO_SHOP_DOMAIN, name: 'Pressline Demo Print Co.' })).id;
  const apiKey = await usableKey(deps, state.apiKey, shopId);
  await saveState(options.home, { ...state, apiKey });
  await seedDemoShopFloor(deps, shopId);

  for (const order of demoOrders) {
    const response = await sendShopifyOrder({ baseUrl: options.baseUrl, secret: options.secret, shopDomain: DEMO_SHOP_DOMAIN, order, webhookId: `demo-${order.id}` });
    if (!response.ok) throw new Error(`demo order ${order.name} was refused: ${response.status} ${await response.text()}`);
  }
  const expected = demoOrders.reduce((sum, order) => sum + order.lines.length, 0);
  const jobs = await waitForJobs(options.baseUrl, apiKey, expected, options.timeoutMs ?? 30_000);
  await scheduleDemoJobs({ baseUrl: options.baseUrl, apiKey });
  return { shopId, apiKey, jobs };
}

async function usableKey(deps: CoreDeps, key: string | undefined, shopId: string): Promise<string> {
  if (key) {
    const valid = await authenticateApiKey(deps, key).then((p) => p.shopId === shopId, () => false);
    if (valid) return key;
  }
  return (await createApiKey(deps, { shopId, name: 'demo' })).key;
}

/** Asks the GraphQL API, as a newcomer would, until the workers have made the jobs. */
async function waitForJobs(baseUrl: string, apiKey: string, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(new URL('/graphql', baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ jobs(first: 100) { nodes { id } } }' }),
    });
    const body = (await response.json()) as { data?: { jobs: { nodes: unknown[] } } };
    const count = body.data?.jobs.nodes.length ?? 0;
    if (count >= expected || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function loadState(home: string): Promise<DemoState> {
  const file = join(home, 'demo.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as DemoState;
  const state = { shopifySecret: randomBytes(24).toString('base64url') };
  await saveState(home, state);
  return state;
}

async function saveState(home: string, state: DemoState): Promise<void> {
  await mkdir(home, { recursive: true });
  await writeFile(join(home, 'demo.json'), JSON.stringify(state, null, 2), { mode: 0o600 });
}
