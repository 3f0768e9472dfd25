import { createShopifyAdminApi } from '@pressline/connectors';
import { createFakeShopifyAdmin, type FakeShopifyAdmin } from '@pressline/connectors/testing';
import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestShop, importOrder, moveJob, recordShipmentVia, TO_READY, type ImportedOrder } from '../support/backprop-flow.ts';
import type { BackpropPlatform } from '../support/backprop-platforms.ts';
import { launchChromium } from '../support/browser.ts';
import { businessCardPdf } from '../support/card-pdf.ts';
import { startTestStorefront, type TestStorefront } from '../support/test-storefront.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'widget-press.myshopify.com';
const TOKEN = 'shpat_widgets';
const CUSTOMER = '4242';

/** A 1×1 PNG: the operator's proof in these tests. */
const PROOF_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('storefront widgets in a browser', () => {
  let fake: FakeShopifyAdmin;
  let msw: ReturnType<typeof setupServer>;
  let app: TestApp;
  let shop: { shopId: string; apiKey: string };
  let storefront: TestStorefront;
  let browser: Browser;
  let nextId = 5_000_000;
  const newId = () => String((nextId += 11));

  beforeAll(async () => {
    fake = await createFakeShopifyAdmin({ shopDomain: DOMAIN, accessToken: TOKEN, bucket: { maximumAvailable: 50_000, restoreRate: 5_000 } });
    msw = setupServer(...fake.handlers);
    msw.listen({ onUnhandledFrame: 'bypass' }); // the API, the storefront and Chromium talk on loopback
    const api = createShopifyAdminApi({ apiKey: 'test', apiSecretKey: 'test-secret', hostName: 'localhost', rateLimit: { maxRetries: 0 } });
    app = await startTestApp({ platformApis: { shopify: api } });
    const platform = { platform: 'shopify', domain: DOMAIN, connection: { platform: 'shopify', shopDomain: DOMAIN, accessToken: TOKEN } } as BackpropPlatform;
    shop = await connectTestShop(app, platform);
    storefront = await startTestStorefront({ apiUrl: app.baseUrl, shop: DOMAIN, customerId: CUSTOMER, secret: app.secret });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await storefront?.close();
    await app?.close();
    msw?.close();
  });

  /** A paid two-line order of the logged-in customer, read into Pressline: one job per line. */
  async function customerOrder(): Promise<ImportedOrder & { externalId: string; lineExternalIds: string[] }> {
    const externalId = newId();
    const lines = [
      { id: newId(), title: 'Business cards', quantity: 250, productId: '101', variantId: '2001', variantTitle: 'Matte', properties: [{ name: 'Paper', value: '400gsm' }] },
      { id: newId(), title: 'Poster', quantity: 2, productId: '102', variantId: '2002', variantTitle: 'A2' },
    ];
    fake.seedOrder({ id: externalId, name: `#W${externalId.slice(-4)}`, currency: 'USD', financialStatus: 'paid', email: 'ada@example.com', customer: { id: CUSTOMER, email: 'ada@example.com' }, lines });
    const platform = { platform: 'shopify' } as BackpropPlatform;
    const imported = await importOrder(app, shop.shopId, platform, externalId, lines.map((line) => line.id));
    return { ...imported, externalId, lineExternalIds: lines.map((line) => line.id) };
  }

  function uploadProof(jobId: string, name: string, bytes: Uint8Array) {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'mutation ($jobId: ID!, $file: File!) { uploadJobFile(jobId: $jobId, file: $file, role: PROOF) { id role } }', variables: { jobId, file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([Buffer.from(bytes)]), name);
    return fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${shop.apiKey}` }, body: form }).then(
      async (response) => (await response.json()) as { data?: unknown; errors?: { message: string }[] },
    );
  }

  async function open(html: string): Promise<Page> {
    storefront.setPage(html);
    const page = await browser.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(storefront.url);
    return page;
  }

  it('shows a split order’s per-line progress, timeline and both shipments with their tracking links', async () => {
    const order = await customerOrder();
    for (const jobId of order.jobIds) await moveJob(app, shop.shopId, jobId, TO_READY);
    const [cards, poster] = order.lineIds as [string, string];
    const first = await recordShipmentVia(app, shop.apiKey, { orderId: order.orderId, carrier: 'UPS', trackingNumbers: ['1ZCARDS'], trackingUrl: 'https://track.example/ups/1ZCARDS', lines: [{ orderLineId: cards, quantity: 250 }] });
    expect(first.errors).toBeUndefined();

    const page = await open(`<pressline-order-status data-api="/apps/pressline" data-order="${order.orderId}"></pressline-order-status>`);
    const widget = page.locator('pressline-order-status');
    await expect.poll(() => widget.locator('.shipment').count()).toBe(1);
    expect(await widget.locator(`li[data-line-id="${cards}"]`).textContent()).toContain('Shipped');
    expect(await widget.locator(`li[data-line-id="${poster}"]`).textContent()).toContain('Ready');
    await page.close();

    const second = await recordShipmentVia(app, shop.apiKey, { orderId: order.orderId, carrier: 'DHL', trackingNumbers: ['JDPOSTER'], trackingUrl: 'https://track.example/dhl/JDPOSTER', lines: [{ orderLineId: poster, quantity: 2 }] });
    expect(second.errors).toBeUndefined();
    const again = await open(`<pressline-order-status data-api="/apps/pressline"></pressline-order-status>`);
    const card = again.locator(`pressline-order-status section[data-order-id="${order.orderId}"]`);
    await expect.poll(() => card.locator('.shipment').count()).toBe(2);
    const links = await card.locator('.shipment a').evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent, anchor.getAttribute('href')]));
    expect(links).toEqual([
      ['Track 1ZCARDS', 'https://track.example/ups/1ZCARDS'],
      ['Track JDPOSTER', 'https://track.example/dhl/JDPOSTER'],
    ]);
    expect(await card.locator('.status').textContent()).toBe('Shipped');
    expect(await card.locator('ol.timeline li.current').textContent()).toMatch(/^Shipped/);
    // Past steps carry their time; the ones not reached do not.
    const steps = await card.locator('ol.timeline li').evaluateAll((items) => items.map((item) => [item.className, item.querySelector('small') !== null]));
    expect(steps).toEqual([['reached', true], ['reached', true], ['reached', true], ['reached current', true], ['', false]]);
    await again.close();
  });

  it('approving a proof moves the job on; requesting changes holds it with the comment, both audited', async () => {
    const order = await customerOrder();
    for (const jobId of order.jobIds) {
      await moveJob(app, shop.shopId, jobId, ['preflight']);
      // The operator's proof, through the same upload as any file: preflight draws its preview.
      const uploaded = await uploadProof(jobId, 'proof.png', PROOF_PNG);
      expect(uploaded.errors).toBeUndefined();
    }
    await eventually(async () => {
      const drawn = await app.owner`select 1 from files f join job_files l on l.shop_id = f.shop_id and l.file_id = f.id
        where l.job_id in ${app.owner(order.jobIds)} and l.role = 'proof' and f.thumbnail_sha256 is not null`;
      return drawn.length === order.jobIds.length ? true : undefined;
    }, 30_000);
    const [cardsJob, posterJob] = order.jobIds as [string, string];

    const page = await open(
      `<pressline-proof-approval data-api="/apps/pressline" data-order="${order.orderId}" data-job="${cardsJob}"></pressline-proof-approval>
       <pressline-proof-approval data-api="/apps/pressline" data-order="${order.orderId}" data-job="${posterJob}"></pressline-proof-approval>`,
    );
    const [approve, change] = [page.locator('pressline-proof-approval').nth(0), page.locator('pressline-proof-approval').nth(1)];
    await expect.poll(() => approve.locator('img.thumb[src^="blob:"]').count()).toBe(1);
    await approve.locator('button.approve').click();
    await expect.poll(() => approve.locator('.decided').textContent()).toContain('approved');
    await change.locator('textarea').fill('Please make the logo bigger');
    await change.locator('button.request-changes').click();
    await expect.poll(() => change.locator('.decided').count()).toBe(1);
    await page.close();

    const jobs = await app.owner<{ id: string; stage_key: string }[]>`select id, stage_key from jobs where order_id = ${order.orderId}`;
    expect(Object.fromEntries(jobs.map((job) => [job.id, job.stage_key]))).toEqual({ [cardsJob]: 'approved', [posterJob]: 'on_hold' });
    const events = await app.owner<{ job_id: string; actor: string; from_stage: string; to_stage: string; note: string }[]>`
      select job_id, actor, from_stage, to_stage, note from job_events where job_id in ${app.owner([cardsJob, posterJob])} and kind = 'transition' and from_stage = 'preflight'`;
    expect(events).toEqual(
      expect.arrayContaining([
        { job_id: cardsJob, actor: `customer:${CUSTOMER}`, from_stage: 'preflight', to_stage: 'approved', note: 'Proof approved by the customer' },
        { job_id: posterJob, actor: `customer:${CUSTOMER}`, from_stage: 'preflight', to_stage: 'on_hold', note: 'Changes requested by the customer: Please make the logo bigger' },
      ]),
    );
  });

  it('order again creates the platform’s draft order with the same products, options and quantities', async () => {
    const order = await customerOrder();
    const before = fake.draftOrders().length;
    const page = await open(`<pressline-order-history data-api="/apps/pressline" data-navigate="false"></pressline-order-history>`);
    const card = page.locator(`pressline-order-history section[data-order-id="${order.orderId}"]`);
    await card.locator('button.reorder').click();
    const link = card.locator('a.reorder-link');
    await expect.poll(() => card.locator('.reorder-result').textContent()).not.toBe('');
    expect(await card.locator('.reorder-result .error').count(), (await card.locator('.reorder-result').textContent()) ?? '').toBe(0);
    expect(await link.count()).toBe(1);
    const drafts = fake.draftOrders();
    expect(drafts).toHaveLength(before + 1);
    const draft = drafts[drafts.length - 1]!;
    expect(await link.getAttribute('href')).toBe(draft.invoiceUrl);
    expect(draft.customerId).toBe(CUSTOMER);
    expect(draft.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity }))).toEqual([
      { variantId: '2001', quantity: 250 },
      { variantId: '2002', quantity: 2 },
    ]);
    expect(draft.lines[0]!.customAttributes).toEqual(expect.arrayContaining([{ key: 'Paper', value: '400gsm' }]));
    await page.close();
  });

  it('an uploaded PDF goes through preflight and the customer reads the result', async () => {
    const order = await customerOrder();
    const page = await open(`<pressline-upload data-api="/apps/pressline" data-order="${order.orderId}" data-job="${order.jobIds[0]}"></pressline-upload>`);
    const widget = page.locator('pressline-upload');
    await widget.locator('input[type=file]').setInputFiles({ name: 'cards.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await businessCardPdf(0.3)) });
    const report = widget.locator('.preflight');
    await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
    expect(['ok', 'warnings', 'problems']).toContain(await report.getAttribute('data-state'));
    expect(await report.locator('p').first().textContent()).toMatch(/Your file/);
    const [checked] = await app.owner<{ status: string }[]>`
      select r.status from preflight_reports r join files f on f.shop_id = r.shop_id and f.id = r.file_id
      where f.shop_id = ${shop.shopId} and f.name = 'cards.pdf' and f.source = 'customer'`;
    expect(checked).toBeDefined();
    await page.close();
  });

  it('an SVG with a script, uploaded and shown as a thumbnail, runs nothing', async () => {
    const order = await customerOrder();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" onload="fetch('${storefront.url}/beacon/onload')">
      <script>window.top.__pwned = true; fetch('${storefront.url}/beacon/script'); new Image().src = '${storefront.url}/beacon/image';</script>
      <rect width="200" height="100" fill="#c00"/><image href="${storefront.url}/beacon/href" width="10" height="10"/></svg>`;
    const page = await open(`<pressline-upload data-api="/apps/pressline" data-order="${order.orderId}" data-job="${order.jobIds[0]}"></pressline-upload>`);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const widget = page.locator('pressline-upload');
    await widget.locator('input[type=file]').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await expect.poll(() => widget.locator('.preflight').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => widget.locator('img.thumb[src^="blob:"]').count()).toBe(1);
    // The preview is a PNG Pressline drew, decoded by the browser as an image.
    const drawn = await widget.locator('img.thumb').evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]));
    expect(drawn[0]).toBeGreaterThan(0);
    const [file] = await app.owner<{ id: string }[]>`select id from files where shop_id = ${shop.shopId} and name = 'logo.svg'`;
    const thumb = await page.evaluate((url) => fetch(url).then(async (response) => [response.headers.get('content-type'), [...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]]), `/apps/pressline/files/${file!.id}/thumbnail.png`);
    expect(thumb).toEqual(['image/png', [0x89, 0x50, 0x4e, 0x47]]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(storefront.beaconHits).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('messages: the customer writes with an attachment, the shop’s reply appears in the thread (German words with lang="de")', async () => {
    const order = await customerOrder();
    const page = await open(`<div lang="de"><pressline-messages data-api="/apps/pressline" data-order="${order.orderId}"></pressline-messages></div>`);
    const widget = page.locator('pressline-messages');
    await expect.poll(() => widget.locator('h3').textContent()).toBe('Nachrichten');
    await widget.locator('textarea').fill('Bitte mit abgerundeten Ecken');
    await widget.locator('input[type=file]').setInputFiles({ name: 'corners.png', mimeType: 'image/png', buffer: PROOF_PNG });
    await widget.locator('button[type=submit]').click();
    await expect.poll(() => widget.locator('.msg.customer').count()).toBe(1);
    expect(await widget.locator('.msg.customer').textContent()).toContain('corners.png');

    const reply = await app.graphql(shop.apiKey, 'mutation ($id: ID!) { sendOrderMessage(orderId: $id, body: "Gerne, ohne Aufpreis.") { id } }', { id: order.orderId });
    expect(reply.errors).toBeUndefined();
    await page.reload();
    await expect.poll(() => widget.locator('.msg').allTextContents()).toEqual([expect.stringContaining('abgerundeten Ecken'), expect.stringContaining('Gerne, ohne Aufpreis.')]);
    expect(await widget.locator('.msg.shop small').first().textContent()).toMatch(/^Shop/);
    await page.close();
  });
});
