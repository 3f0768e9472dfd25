import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { placeCustomerOrder, viaAppProxy } from '../support/storefront.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';
import { startTestStorefront } from '../support/test-storefront.ts';

const TABLET = { width: 1024, height: 768 };
const SHOP = 'thread-floor.myshopify.com';
const CUSTOMER = '750001';
const SAMPLE = '%PDF-1.4 the customer’s sample';
const PROOF_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface CustomerThread {
  messages: { id: string; author: string; body: string; attachments: { name: string; sizeBytes: number; url: string }[] }[];
}

describe('messages with the customer on the operator’s job detail', () => {
  let app: TestApp;
  let apiKey: string;
  let browser: Browser;
  let page: Page;
  let orderId: string;
  let jobId: string;
  const customer = { shop: SHOP, customerId: CUSTOMER };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    ({ apiKey } = await app.addShop(SHOP));
    await placeCustomerOrder(app, SHOP, { id: '95001', name: '#5001', email: 'cleo@example.com', lines: [{ id: '950011', title: 'Die-cut stickers', quantity: 200 }] }, CUSTOMER);
    const [order] = await app.owner<{ id: string }[]>`select id from orders`;
    orderId = order!.id;
    jobId = await eventually(async () => (await app.owner<{ id: string }[]>`select id from jobs where order_id = ${orderId}`)[0]?.id);
    page = await browser.newPage({ viewport: TABLET, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const thread = () => page.getByRole('list', { name: 'Messages with the customer' });

  it('shows the customer’s message with its attachment, which downloads under its name from the keyboard', async () => {
    const form = new FormData();
    form.set('body', 'Can the corners be rounded?\nSample attached.');
    form.append('attachments', new Blob([SAMPLE]), 'corner sample.pdf');
    expect((await viaAppProxy(app, customer, `/orders/${orderId}/messages`, { method: 'POST', body: form })).status).toBe(200);

    await page.goto(`${app.baseUrl}/ops/jobs/${jobId}#apiKey=${apiKey}`);
    await page.getByRole('heading', { name: /^Job J-/ }).waitFor();
    const message = thread().getByRole('listitem').filter({ hasText: 'Can the corners be rounded?' });
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^Customer · /);

    const link = message.getByRole('link', { name: 'Download corner sample.pdf' });
    await link.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('corner sample.pdf');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(SAMPLE);
  });

  it('replies with an attachment: the reply shows at once, and the customer reads and downloads it from the storefront API', async () => {
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.getByLabel('Reply to the customer').fill('Yes — rounded 3 mm. Proof attached.');
    await page.getByLabel('Attach files').setInputFiles({ name: 'proof-rounded.png', mimeType: 'image/png', buffer: PROOF_PNG });
    await page.getByRole('button', { name: 'Send reply' }).click();

    const reply = thread().getByRole('listitem').filter({ hasText: 'Yes — rounded 3 mm.' });
    await reply.waitFor();
    expect(await reply.textContent()).toMatch(/^Shop · /);
    await reply.getByRole('link', { name: 'Download proof-rounded.png' }).waitFor();
    // The box is empty again, and the page was not reloaded to show the reply.
    expect(await page.getByLabel('Reply to the customer').inputValue()).toBe('');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // Oldest first.
    const order = await thread().locator(':scope > li').evaluateAll((items) => items.map((item) => item.querySelector('.message-body')?.textContent ?? ''));
    expect(order).toEqual(['Can the corners be rounded?\nSample attached.', 'Yes — rounded 3 mm. Proof attached.']);
    await page.screenshot({ path: join(SCREENSHOTS, 'job-messages.png'), fullPage: true });

    const seen = (await (await viaAppProxy(app, customer, `/orders/${orderId}/messages`)).json()) as CustomerThread;
    const shopReply = seen.messages.find((message) => message.author === 'shop');
    expect(shopReply).toMatchObject({ body: 'Yes — rounded 3 mm. Proof attached.', attachments: [{ name: 'proof-rounded.png', sizeBytes: PROOF_PNG.length }] });
    const file = await viaAppProxy(app, customer, `/${shopReply!.attachments[0]!.url}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PROOF_PNG);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="proof-rounded.png"/);
  });

  it('the customer’s messages widget shows the reply’s file as a link that saves it under its name', async () => {
    const storefront = await startTestStorefront({ apiUrl: app.baseUrl, shop: SHOP, customerId: CUSTOMER, secret: app.secret });
    const shopper = await browser.newPage({ acceptDownloads: true });
    try {
      storefront.setPage(`<pressline-messages data-api="/apps/pressline" data-order="${orderId}"></pressline-messages>`);
      await shopper.goto(storefront.url);
      const link = shopper.locator('pressline-messages .msg.shop').getByRole('link', { name: 'proof-rounded.png' });
      await link.waitFor();
      const [download] = await Promise.all([shopper.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('proof-rounded.png');
      expect(readFileSync((await download.path())!)).toEqual(PROOF_PNG);
      // The customer's own file is a link too.
      await shopper.locator('pressline-messages .msg.customer').getByRole('link', { name: 'corner sample.pdf' }).waitFor();
    } finally {
      await shopper.close();
      await storefront.close();
    }
  });

  it('says why a reply was refused and keeps what the operator wrote', async () => {
    await page.getByLabel('Reply to the customer').fill('Six files at once');
    const six = Array.from({ length: 6 }, (_, index) => ({ name: `page-${index}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 page ${index}`) }));
    await page.getByLabel('Attach files').setInputFiles(six);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Attach at most 5 files').waitFor();
    expect(await page.getByLabel('Reply to the customer').inputValue()).toBe('Six files at once');
    expect(await thread().getByRole('listitem').filter({ hasText: 'Six files at once' }).count()).toBe(0);
  });
});
