import { createShopifyAuth } from '@pressline/connectors';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const TABLET = { width: 1024, height: 768 };
/** Controls that must carry a name a screen reader can say (the aria snapshot's roles). */
const CONTROLS = ['button', 'textbox', 'combobox', 'checkbox', 'radio', 'spinbutton', 'link', 'searchbox', 'switch', 'slider'];

/** The controls of the page's accessibility tree that have no accessible name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot.split('\n').filter((line) => {
    const match = /^\s*- (\w+)(.*)$/.exec(line);
    if (!match || !CONTROLS.includes(match[1]!)) return false;
    // Named: `- button "Save"`; unnamed: `- button`, `- textbox [disabled]`, `- checkbox [checked]`.
    return !/^\s*"/.test(match[2]!) && !/^\s*\/.*\/$/.test(match[2]!.split(':')[0]!.trim());
  });
}

describe('every page on a 1024×768 tablet, with every control named', () => {
  let app: TestApp;
  let apiKey: string;
  let browser: Browser;
  let page: Page;
  let jobId: string;
  let orderId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ shopifyAuth: createShopifyAuth({ apiKey: 'pressline-test-app', apiSecretKey: 'test-shopify-app-secret', hostName: 'localhost:8787' }) }), launchChromium()]);
    ({ apiKey } = await app.addShop('tablet.myshopify.com'));
    const gql = async <T>(query: string) => {
      const result = await app.graphql<T>(apiKey, query);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!;
    };
    await gql('mutation { saveMachine(input: { name: "Press 1", processes: ["digital_press"], calendar: { utcOffsetMinutes: 60, shifts: [{ days: [0, 1, 2, 3, 4], from: "08:00", to: "16:00" }] } }) { id } }');
    await gql('mutation { saveProductionProfile(input: { name: "Business cards", process: "digital_press", matches: [{ sku: "BC-1" }] }) { id } }');
    const order = await gql<{ createManualOrder: { id: string; jobs: { id: string }[] } }>(
      'mutation { createManualOrder(input: { customerName: "Tablet Tina", items: [{ title: "Business cards", sku: "BC-1", quantity: 250 }], rush: true }) { id jobs { id } } }',
    );
    orderId = order.createManualOrder.id;
    jobId = order.createManualOrder.jobs[0]!.id;
    page = await browser.newPage({ viewport: TABLET });
    page.setDefaultTimeout(15_000);
    await page.goto(`${app.baseUrl}/ops`);
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Production queue' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the checks themselves catch an unnamed control and a page too wide', async () => {
    await page.goto(`${app.baseUrl}/app/api-keys`);
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<button></button><input type="text"><div style="width: 1400px; height: 4px"></div>';
      document.body.append(probe);
    });
    expect(await unnamedControls(page)).toEqual([expect.stringMatching(/^\s*- button$/), expect.stringMatching(/^\s*- textbox$/)]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeGreaterThan(0);
  });

  // Paths are read when the test runs: the ids exist only after the setup.
  const pages: [path: () => string, heading: string, open?: (page: Page) => Promise<void>][] = [
    [() => '/ops', 'Production queue'],
    [() => '/ops', 'Production queue', async (p) => p.getByRole('button', { name: 'List' }).click()],
    [() => '/ops', 'Production queue', async (p) => p.getByRole('button', { name: 'Machines' }).click()],
    [() => '/ops', 'New manual job', async (p) => p.getByRole('button', { name: 'New manual job' }).click()],
    [() => `/ops/jobs/${jobId}`, 'Job J-1001'],
    [() => '/app', 'Overview'],
    [() => '/app/orders', 'Orders'],
    [() => `/app/orders/${orderId}`, 'Order M-1001'],
    [() => '/app/profiles', 'Production profiles'],
    [() => '/app/profiles', 'New profile', async (p) => p.getByRole('button', { name: 'New profile' }).click()],
    [() => '/app/rules', 'Split rules'],
    [() => '/app/machines', 'Machines'],
    [() => '/app/machines', 'New machine', async (p) => p.getByRole('button', { name: 'Add machine' }).click()],
    [() => '/app/workflow', 'Workflow'],
    [() => '/app/notifications', 'Notification templates'],
    [() => '/app/reports', 'Reports'],
    [() => '/app/webhooks', 'Webhooks'],
    [() => '/app/api-keys', 'API keys'],
    [() => '/app/outbox', 'Outbox failures'],
  ];

  for (const [path, heading, open] of pages) {
    it(`${path().replace('undefined', ':id')} → ${heading}: no sideways scrolling, no unnamed control`, async () => {
      await page.goto(`${app.baseUrl}${path()}`);
      if (open) {
        await page.getByRole('heading').first().waitFor();
        await open(page);
      }
      await page.getByRole('heading', { name: heading }).first().waitFor();
      // Let late data (lists, charts) lay out before measuring (the live pages keep an
      // event stream open, so the network never goes idle).
      await page.waitForTimeout(750);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'pixels wider than the tablet').toBeLessThanOrEqual(0);
      expect(await unnamedControls(page)).toEqual([]);
    });
  }
});
