import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo, startDemoStorefront } from '@pressline/workers';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('the demo storefront page', () => {
  let app: TestApp;
  let browser: Browser;
  let home: string;
  let storefront: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    app = await startTestApp();
    home = mkdtempSync(join(tmpdir(), 'pressline-demo-'));
    await runDemo(app.deps, { home, baseUrl: app.baseUrl, secret: app.secret });
    storefront = await startDemoStorefront({ apiUrl: app.baseUrl, secret: app.secret, host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await storefront?.close();
    await app?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('shows the demo customer’s order, and only theirs, through the signed app proxy', async () => {
    const page = await browser.newPage();
    await page.goto(`${storefront.url}/`);
    const status = page.locator('pressline-order-status');
    await expect.poll(() => status.locator('section h3').allTextContents()).toEqual([expect.stringContaining('#1001')]);
    expect(await status.locator('ol.timeline li.current').count()).toBe(1);
    await expect.poll(() => page.locator('pressline-messages form').count()).toBe(1);
    await page.close();
  });
});
